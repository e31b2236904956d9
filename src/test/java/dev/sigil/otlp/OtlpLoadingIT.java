package dev.sigil.otlp;

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
 * The OpenTelemetry SDK, the protobuf runtime and sigil's own export and receiver are loaded only by the commands
 * that export or receive (ADR 0130): the packaged launcher runs each command with the JVM's class-loading log, and
 * the classes it loaded are checked. {@code export otlp} is the control: there the SDK is loaded, so the check can fail.
 */
class OtlpLoadingIT {

    static final Path HOME = Path.of(System.getProperty("sigil.home", ".")).toAbsolutePath();
    private static final List<String> HEAVY = List.of("io.opentelemetry.", "com.google.protobuf.", "dev.sigil.otlp.export.",
            "dev.sigil.otlp.receive.", "com.sun.net.httpserver.");

    @TempDir
    Path dir;

    private List<String> loaded(String... args) throws Exception {
        Path classes = dir.resolve("classes-" + String.join("-", args).replaceAll("[^A-Za-z0-9-]", "_") + ".txt");
        List<String> command = new ArrayList<>(List.of(HOME.resolve("scripts/sigil").toString()));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        b.environment().put("SIGIL_NO_BUILD", "1");
        b.environment().put("HOME", dir.toString());
        b.environment().put("SIGIL_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);
        Process p = b.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return Files.readAllLines(classes, StandardCharsets.UTF_8).stream().map(l -> {
            int at = l.indexOf("] ");
            String rest = at < 0 ? l : l.substring(at + 2);
            int space = rest.indexOf(' ');
            return space < 0 ? rest : rest.substring(0, space);
        }).toList();
    }

    private static List<String> heavy(List<String> classes) {
        return classes.stream().filter(c -> HEAVY.stream().anyMatch(c::startsWith)).toList();
    }

    @Test
    void commandsThatDoNotExportLoadNoneOfIt() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        Path log = dir.resolve("one.jsonl");
        GeneratedLog.write(log, "load-1", 30, 3);
        assertThat(heavy(loaded("--version"))).isEmpty();
        assertThat(heavy(loaded("tail", empty.toString()))).isEmpty();
        assertThat(heavy(loaded("tail", log.toString()))).isEmpty();
        assertThat(heavy(loaded("validate", log.toString()))).isEmpty();
        assertThat(heavy(loaded("monitor", "--no-follow", "--mode", "stream", log.toString()))).isEmpty();
        assertThat(heavy(loaded("orchestrate", "--help"))).isEmpty();
    }

    @Test
    void theExportLoadsTheSdk() throws Exception {
        Path log = dir.resolve("one.jsonl");
        GeneratedLog.write(log, "load-2", 30, 4);
        try (OtlpCollector collector = OtlpCollector.start()) {
            List<String> classes = loaded("export", "otlp", "--endpoint", collector.url(), log.toString());
            assertThat(heavy(classes)).anyMatch(c -> c.startsWith("io.opentelemetry.sdk.")).anyMatch(c -> c.startsWith("dev.sigil.otlp.export."));
            assertThat(collector.records()).hasSize(30);
        }
    }
}
