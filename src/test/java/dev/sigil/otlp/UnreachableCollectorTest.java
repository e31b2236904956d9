package dev.sigil.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collector that never comes: the tail still prints every line, the export says once that it cannot send, waits
 * --otlp-wait, and counts every record and span as unsent (exit 1); and the settings' mistakes are one clear line.
 */
class UnreachableCollectorTest {

    @TempDir
    Path dir;

    @Test
    void whatCannotBeSentIsCountedAndSaidOnce() throws Exception {
        Path log = dir.resolve("s.jsonl");
        GeneratedLog.write(log, "away-1", 40, 5);
        String url;
        try (OtlpCollector gone = OtlpCollector.start()) {
            url = gone.url();
        }
        SigilRun run = SigilRun.run(Map.of("HOME", dir.toString()), "tail", log.toString(), "--otlp", url, "--otlp-wait", "1");
        assertThat(run.stdout().lines()).hasSize(40);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).containsOnlyOnce("OTLP: cannot send to " + url + " (connection refused)")
                .contains("sent 0 log records and 0 spans; not sent: 40 log records and ");
    }

    @Test
    void settingsMistakesAreOneLine() {
        SigilRun grpc = SigilRun.run(Map.of("HOME", dir.toString(), "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"), "export", "otlp", "--endpoint",
                "http://127.0.0.1:1", "x.jsonl");
        assertThat(grpc.exitCode()).isEqualTo(2);
        SigilRun none = SigilRun.run(Map.of("HOME", dir.toString()), "export", "otlp", "--all");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("give --endpoint URL").doesNotContain("Exception");
        SigilRun bad = SigilRun.run(Map.of("HOME", dir.toString()), "tail", "x.jsonl", "--otlp", "ftp://h");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--otlp: 'ftp://h/v1/traces' is not an http:// or https:// URL");
    }

    @Test
    void aBadOtlpStopsOrchestrateBeforeTheSessionIsOpened() {
        Path logs = dir.resolve("logs");
        SigilRun bad = SigilRun.run(Map.of("HOME", dir.toString()), "orchestrate", "--otlp", "ftp://h", "-s", "never-1", "-l", logs.toString(),
                "Qualify this lead");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--otlp: 'ftp://h/v1/traces' is not an http:// or https:// URL");
        assertThat(logs.resolve("sessions/never-1")).doesNotExist();
        SigilRun wait = SigilRun.run(Map.of("HOME", dir.toString()), "orchestrate", "--otlp", "http://127.0.0.1:1", "--otlp-wait", "-1",
                "-s", "never-2", "-l", logs.toString(), "Qualify this lead");
        assertThat(wait.exitCode()).isEqualTo(2);
        assertThat(wait.err()).contains("--otlp-wait must be 0 or more seconds, not -1");
        assertThat(logs.resolve("sessions/never-2")).doesNotExist();
    }
}
