package dev.sigil.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.testing.ClassLoading;

/**
 * H2 and sigil's query classes are loaded only by {@code sigil query} (ADR 0155): the packaged launcher runs each
 * command with the JVM's class-loading log and the classes it loaded are checked; {@code query} is the control, where
 * they are loaded, so the check can fail.
 */
class QueryLoadingIT {

    private static final List<String> ENGINE = List.of("org.h2.", "dev.sigil.query.");
    private static final String LINE = "{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"session_id\":\"s1\",\"event_type\":\"step_complete\","
            + "\"component\":\"reasoning\",\"message\":\"ok\",\"tokens\":5,\"metadata\":{}}\n";

    @TempDir
    Path dir;

    private List<String> engine(String... args) throws Exception {
        return new ClassLoading(dir).loaded(args).stream().filter(c -> ENGINE.stream().anyMatch(c::startsWith)).toList();
    }

    @Test
    void onlyQueryLoadsTheEngine() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        Path log = Files.writeString(dir.resolve("one.jsonl"), LINE.repeat(30));
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"tail", empty.toString()}, new String[] {"report", log.toString()},
                new String[] {"validate", log.toString()}, new String[] {"monitor", "--no-follow", "--mode", "stream", log.toString()})) {
            assertThat(engine(args)).as(String.join(" ", args)).isEmpty();
        }
        assertThat(engine("query", "SELECT count(*) FROM events", log.toString())).anyMatch(c -> c.startsWith("org.h2.engine."))
                .anyMatch(c -> c.startsWith("dev.sigil.query."));
    }
}
