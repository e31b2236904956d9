package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.monitor.state.SessionChoice;

/** What the session picker says of each session, read from its files, newest start first. */
class SessionDigestsTest {

    @TempDir
    Path root;

    private Path session(String id, String... lines) throws IOException {
        Path log = Files.createDirectories(root.resolve("sessions/" + id)).resolve("execution.jsonl");
        Files.writeString(log, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return log;
    }

    private static String end(String time, String id, long total) {
        return "{\"timestamp\":\"2026-01-11T" + time + "\",\"session_id\":\"" + id + "\",\"event_type\":\"session_complete\","
                + "\"component\":\"orchestrator\",\"message\":\"done\",\"tokens\":0,\"metadata\":{\"total_tokens\":" + total + "}}";
    }

    @Test
    void statusTaskStartAndTokensOfEachSessionNewestFirst() throws IOException {
        long now = System.currentTimeMillis();
        session("done", Lines.start("2026-01-11T09:00:00.250000", "done", 1000),
                Lines.entry("2026-01-11T09:00:01", "done", "step_complete", "routing", "routed", 40, 10), end("09:00:02", "done", 40));
        Path running = session("live", Lines.start("2026-01-11T11:00:00", "live", 1000),
                Lines.entry("2026-01-11T11:00:01", "live", "step_complete", "memory", "found", 7, 10));
        Files.setLastModifiedTime(running, FileTime.fromMillis(now - 5_000));
        Path stale = session("crashed", Lines.start("2026-01-11T10:00:00", "crashed", 1000),
                Lines.entry("2026-01-11T10:00:01", "crashed", "step_complete", "memory", "found", 9, 10));
        Files.setLastModifiedTime(stale, FileTime.fromMillis(now - 3_600_000));
        StringBuilder big = new StringBuilder(Lines.start("2026-01-11T08:00:00", "big", 1_000_000)).append('\n');
        String step = Lines.entry("2026-01-11T08:00:01", "big", "step_complete", "reasoning", "x".repeat(4000), 1, 10);
        while (big.length() <= SessionDigests.FOLD_BYTES) {
            big.append(step).append('\n');
        }
        Path bigLog = session("big", big + end("08:30:00", "big", 123_456));
        Files.writeString(bigLog.resolveSibling("tokens.json"), "{\n  \"session_id\": \"big\",\n  \"total_used\": 654321\n}\n");
        List<SessionChoice> picked = new LogLocator(root.toString()).pickerSessions(now);
        assertThat(picked).extracting(SessionChoice::id).containsExactly("live", "crashed", "done", "big");
        SessionChoice done = picked.get(2);
        assertThat(done.status()).isEqualTo("complete");
        assertThat(done.task()).isEqualTo("demo");
        assertThat(done.started()).isEqualTo("2026-01-11T09:00:00.250000");
        assertThat(done.tokens()).as("the monitor's own count of a small log").isEqualTo(40);
        assertThat(picked.get(0).status()).isEqualTo("running");
        assertThat(picked.get(1).status()).isEqualTo("incomplete");
        assertThat(picked.get(1).tokens()).isEqualTo(9);
        SessionChoice large = picked.get(3);
        assertThat(large.status()).isEqualTo("complete");
        assertThat(large.tokens()).as("a large log's tokens.json").isEqualTo(654_321);
        assertThat(large.sizeBytes()).isGreaterThan(SessionDigests.FOLD_BYTES);
    }
}
