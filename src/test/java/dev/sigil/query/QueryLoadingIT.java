package dev.sigil.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 and sigil's query classes are loaded only by {@code sigil query} (ADR 0155): the packaged launcher runs each
 * command with the JVM's class-loading log and the classes it loaded are checked; {@code query} is the control, where
 * they are loaded, so the check can fail.
 */
class QueryLoadingIT {

    static final Path HOME = Path.of(System.getProperty("sigil.home", ".")).toAbsolutePath();
    private static final List<String> ENGINE = List.of("org.h2.", "dev.sigil.query.", "java.sql.DriverManager");
    private static final String LINE = "{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"session_id\":\"s1\",\"event_type\":\"step_complete\","
            + "\"component\":\"reasoning\",\"message\":\"ok\",\"tokens\":5,\"metadata\":{}}\n";

    @TempDir
    Path dir;

    private List<String> loaded(String... args) throws Exception {
        Path classes = dir.resolve("classes-" + String.join("-", args).replaceAll("[^A-Za-z0-9-]", "_") + ".txt");
        List<String> command = new ArrayList<>(List.of(HOME.resolve("scripts/sigil").toString()));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).directory(dir.toFile());
        b.environment().put("SIGIL_NO_BUILD", "1");
        b.environment().put("HOME", dir.toString());
        b.environment().put("SIGIL_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);
        Process p = b.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return Files.readAllLines(classes, StandardCharsets.UTF_8).stream().map(l -> {
            int at = l.indexOf("] ");
            String rest = at < 0 ? l : l.substring(at + 2);
            int space = rest.indexOf(' ');
            return space < 0 ? rest : rest.substring(0, space);
        }).filter(c -> ENGINE.stream().anyMatch(c::startsWith)).toList();
    }

    @Test
    void onlyQueryLoadsTheEngine() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        Path log = Files.writeString(dir.resolve("one.jsonl"), LINE.repeat(30));
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"tail", empty.toString()}, new String[] {"report", log.toString()},
                new String[] {"validate", log.toString()}, new String[] {"monitor", "--no-follow", "--mode", "stream", log.toString()})) {
            assertThat(loaded(args)).as(String.join(" ", args)).isEmpty();
        }
        assertThat(loaded("query", "SELECT count(*) FROM events", log.toString())).anyMatch(c -> c.startsWith("org.h2.engine."))
                .anyMatch(c -> c.startsWith("dev.sigil.query."));
    }
}
