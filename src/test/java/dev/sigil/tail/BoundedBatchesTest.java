package dev.sigil.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What the tailer holds at once is bounded by bytes, never by a count of entries alone: a batch of LLM outputs of
 * 64 KiB is as small in memory as a batch of 300-byte lines (docs/reliability.md, "Memory").
 */
class BoundedBatchesTest {

    private static final int GROUP = 256 << 10;

    /** A seed-001 step whose metadata holds an LLM output of about {@code bytes} bytes. */
    static String entry(int n, int bytes) {
        StringBuilder out = new StringBuilder(bytes + 200);
        String[] words = {"analysis", "lead", "score", "revenue", "market", "intent", "r\\u00e9sum\\u00e9", "plan", "\\n"};
        while (out.length() < bytes) {
            out.append(words[(out.length() * 31 + n) % words.length]).append(' ');
        }
        return "{\"timestamp\":\"2026-01-11T10:00:00.000001\",\"session_id\":\"big\",\"event_type\":\"step_complete\","
                + "\"component\":\"reasoning\",\"message\":\"step " + n + "\",\"tokens\":12,\"metadata\":{\"output\":\"" + out + "\"}}\n";
    }

    private static List<TailEvent.Lines> batches(EventLog log) {
        List<TailEvent.Lines> out = new ArrayList<>();
        for (TailEvent e : log.events) {
            if (e instanceof TailEvent.Lines l) {
                out.add(l);
            }
        }
        return out;
    }

    @Test
    void aBatchOfLargeEntriesIsCutByItsBytes() {
        MemoryTailSource source = new MemoryTailSource("log");
        MemoryTailSource.File f = source.create();
        int lineBytes = 0;
        for (int i = 0; i < 300; i++) {
            String line = entry(i, 64 << 10);
            lineBytes = Math.max(lineBytes, line.length());
            f.append(line);
        }
        EventLog log = new EventLog();
        try (Tailer t = new Tailer(source, TailOptions.defaults().withDecodeGroupBytes(GROUP), log)) {
            t.readAll();
        }
        List<TailEvent.Lines> batches = batches(log);
        assertThat(log.messages()).hasSize(300).startsWith("step 0").endsWith("step 299");
        for (TailEvent.Lines b : batches) {
            long bytes = b.entries().size() * (long) lineBytes;
            assertThat(bytes).as("a batch of %d entries", b.entries().size()).isLessThanOrEqualTo(GROUP + lineBytes);
        }
        assertThat(batches).hasSizeGreaterThan(60);
    }

    @Test
    void aGroupOfTinyLinesIsWeighedWithWhatEachLineCosts() {
        DecodeAhead group = new DecodeAhead(new LineDecoder(), null);
        byte[] line = "{}".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 1000; i++) {
            group.add(i + 1, i * 3L, line, 0, line.length);
        }
        assertThat(group.weight()).isEqualTo(1000L * (2 + DecodeAhead.LINE_OVERHEAD));
        group.close();
    }

    @Test
    void smallLinesStillComeInLargeBatches() {
        MemoryTailSource source = new MemoryTailSource("log");
        MemoryTailSource.File f = source.create();
        for (int i = 0; i < 5000; i++) {
            f.append(entry(i, 100));
        }
        EventLog log = new EventLog();
        try (Tailer t = new Tailer(source, TailOptions.defaults(), log)) {
            t.readAll();
        }
        assertThat(log.messages()).hasSize(5000);
        assertThat(batches(log).get(0).entries().size()).isGreaterThan(1000);
    }
}
