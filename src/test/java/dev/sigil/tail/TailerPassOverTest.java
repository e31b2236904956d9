package dev.sigil.tail;

import static dev.sigil.tail.EventLog.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link Tailer#passOver}: the lines before the offset are counted, not decoded nor reported, once the file's format
 * is found; everything from the offset on comes as before, and a file rewritten behind the name is read whole again.
 */
class TailerPassOverTest {

    private final MemoryTailSource source = new MemoryTailSource("log");
    private final EventLog log = new EventLog();

    /** Lines "m0" .. "m{n-1}"; returns where line {@code at} starts. */
    private static long write(MemoryTailSource.File f, int n, int at) {
        long offset = -1;
        long written = 0;
        for (int i = 0; i < n; i++) {
            if (i == at) {
                offset = written;
            }
            String l = line("m" + i);
            f.append(l);
            written += l.getBytes(StandardCharsets.UTF_8).length;
        }
        return offset;
    }

    private static List<String> names(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add("m" + i);
        }
        return out;
    }

    @Test
    void linesBeforeTheOffsetAreCountedButNotReported() {
        MemoryTailSource.File f = source.create();
        long at = write(f, 300, 200);
        Tailer t = new Tailer(source, TailOptions.defaults(), log).passOver("log", at);
        t.poll();
        List<String> got = log.messages();
        int sniffed = got.indexOf("m200");
        assertThat(sniffed).as("the lines from the offset on are reported").isBetween(0, 199);
        assertThat(got).as("the first lines (the format's sniff), then the lines from the offset on")
                .isEqualTo(concat(names(0, sniffed), names(200, 300)));
        assertThat(t.stats().lines()).as("every line counted").isEqualTo(300);
        assertThat(t.stats().entries()).isEqualTo(sniffed + 100);
    }

    @Test
    void aFileRewrittenBehindTheNameIsReadWhole() {
        MemoryTailSource.File f = source.create();
        long at = write(f, 100, 90);
        Tailer t = new Tailer(source, TailOptions.defaults().withRotateWaitPolls(3), log).passOver("log", at);
        t.poll();
        f.truncate(0);
        t.poll();
        log.clear();
        write(f, 100, 0);
        t.poll();
        assertThat(log.messages()).isEqualTo(names(0, 100));
    }

    @Test
    void anotherSourceIsNotPassedOver() {
        MemoryTailSource.File f = source.create();
        long at = write(f, 100, 90);
        new Tailer(source, TailOptions.defaults(), log).passOver("another", at).poll();
        assertThat(log.messages()).isEqualTo(names(0, 100));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
