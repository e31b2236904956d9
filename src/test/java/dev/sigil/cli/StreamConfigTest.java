package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002's stream settings through the one configuration: {@code logging.stream.enabled}, {@code .port} and
 * {@code .heartbeat_interval_ms} change what {@code sigil serve} does, {@code cli.monitor.port} the port of an address
 * that names none; {@code sigil config} shows each with its source.
 */
class StreamConfigTest {

    private static final String LINE = "{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"session_id\":\"s1\",\"event_type\":\"step_complete\","
            + "\"component\":\"reasoning\",\"message\":\"ok\",\"tokens\":5,\"metadata\":{}}\n";

    @TempDir
    Path home;

    private Path config(String yaml) throws Exception {
        Files.createDirectories(home.resolve(".sigil"));
        return Files.writeString(home.resolve(".sigil/config.yaml"), yaml);
    }

    private CliRun sigil(Map<String, String> extra, String... args) {
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.put("HOME", home.toString());
        return CliRun.run(env, args);
    }

    @Test
    void theStreamCanBeTurnedOffAndTheSettingsAreShownWithTheirSource() throws Exception {
        Path file = config("logging:\n  stream:\n    enabled: false\n    heartbeat_interval_ms: 250\ncli:\n  monitor:\n    port: 9001\n");
        CliRun off = sigil(Map.of(), "serve", "--port", "0");
        assertThat(off.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(off.err()).contains("the configuration turns the monitoring stream off (logging.stream.enabled: false, file " + file + ":3)");
        CliRun shown = sigil(Map.of("SIGIL_MONITOR_PORT", "8123"), "config");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).containsPattern("logging\\.stream\\.port +8123 +env SIGIL_MONITOR_PORT")
                .containsPattern("logging\\.stream\\.heartbeat_interval_ms +250 +file " + Pattern.quote(file.toString()) + ":4")
                .containsPattern("cli\\.monitor\\.port +9001 +file ")
                .containsPattern("cli\\.monitor\\.enabled +false +default");
        CliRun bad = sigil(Map.of(), "config", "--set", "cli.monitor.port=0");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("cli.monitor.port: invalid value \"0\": expected a port number from 1 to 65535");
    }

    @Test
    void thePortsAndTheSeedHeartbeatComeFromTheConfiguration() throws Exception {
        Path logs = home.resolve("logs");
        Files.createDirectories(logs.resolve("sessions/s1"));
        Files.writeString(logs.resolve("sessions/s1/execution.jsonl"), LINE + LINE);
        config("logging:\n  path: " + logs + "\n  stream:\n    port: 0\n    heartbeat_interval_ms: 200\n");
        ServeThread serve = ServeThread.start(Map.of("HOME", home.toString()), "ws", "serve");
        try {
            int p = serve.port();
            assertThat(p).isPositive(); // logging.stream.port 0: a free one, not 8000

            config("logging:\n  path: " + logs + "\ncli:\n  monitor:\n    port: " + p + "\n");
            CliRun tail = sigil(Map.of(), "tail", "--format", "raw", "ws://127.0.0.1/sessions/s1");
            assertThat(tail.exitCode()).as(tail.err()).isZero();

            AtomicInteger beats = new AtomicInteger();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + p + "/monitoring/v1/logs/stream?session_id=s1"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            if (data.toString().contains("\"type\":\"heartbeat\"")) {
                                beats.incrementAndGet();
                            }
                            w.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            Thread.sleep(2000);
            ws.abort();
            assertThat(beats.get()).as("heartbeats in 2 s at 200 ms (the default, 5 s, would send at most one)").isGreaterThanOrEqualTo(4);
        } finally {
            serve.stop();
        }
    }
}
