package dev.sigil.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.testing.ClassLoading;

/**
 * The OpenTelemetry SDK, the protobuf runtime and sigil's own export and receiver are loaded only by the commands
 * that export or receive (ADR 0130): the packaged launcher runs each command with the JVM's class-loading log, and
 * the classes it loaded are checked. {@code export otlp} is the control: there the SDK is loaded, so the check can fail.
 */
class OtlpLoadingIT {

    private static final List<String> HEAVY = List.of("io.opentelemetry.", "com.google.protobuf.", "dev.sigil.otlp.export.",
            "dev.sigil.otlp.receive.", "com.sun.net.httpserver.");

    @TempDir
    Path dir;

    private List<String> loaded(String... args) throws Exception {
        return new ClassLoading(dir).loaded(args);
    }

    private static List<String> heavy(List<String> classes) {
        return ClassLoading.of(classes, HEAVY);
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
