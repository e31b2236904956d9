package dev.sigil.remote.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.layout.LogLayout;
import dev.sigil.layout.SessionId;
import tools.jackson.databind.JsonNode;

/**
 * Seed 002's stream with a Java client: the backlog as buffer_flush, the client's config (levels, buffer size,
 * heartbeat interval) applied, the components query, live entries as log messages, the active session by default.
 */
class SeedStreamTest {

    @TempDir
    Path tmp;

    private static String entry(String type, String component, int tokens) {
        return "{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"session_id\":\"s1\",\"event_type\":\"" + type + "\",\"component\":\""
                + component + "\",\"message\":\"m\",\"tokens\":" + tokens + ",\"metadata\":{}}\n";
    }

    @Test
    void theSeedProtocolWithConfigFiltersAndLiveEntries() throws Exception {
        LogLayout layout = new LogLayout(tmp);
        Path log = layout.executionLog(SessionId.of("s1"));
        Files.createDirectories(log.getParent());
        Files.writeString(log, entry("session_start", "orchestrator", 0) + entry("step_complete", "reasoning", 10)
                + entry("step_error", "planning", 0) + entry("step_complete", "planning", 5), StandardCharsets.UTF_8);
        Files.createSymbolicLink(layout.current(), log);
        StreamSettings settings = StreamSettings.of(new InetSocketAddress("127.0.0.1", 0), layout, null).withPoll(Duration.ofMillis(20));
        try (StreamServer server = StreamServer.start(settings)) {
            String base = "ws://127.0.0.1:" + server.port() + "/monitoring/v1/logs/stream";
            Probe errors = Probe.open(base + "?session_id=s1", null);
            errors.socket.sendText("{\"type\":\"config\",\"filter\":{\"levels\":[\"error\",\"bogus\"]},\"buffer_size\":1,"
                    + "\"flush_interval_ms\":10,\"heartbeat_interval_ms\":100}", true);
            Probe planning = Probe.open(base + "?components=planning", null);
            waitFor(() -> entries(planning).size() >= 2 && heartbeats(errors) >= 2);
            Files.writeString(log, entry("step_complete", "planning", 7), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            waitFor(() -> entries(planning).size() >= 3);
            List<JsonNode> onlyErrors = entries(errors);
            assertThat(onlyErrors).isNotEmpty().allMatch(e -> e.path("event_type").asString().equals("step_error"));
            assertThat(entries(planning)).extracting(e -> e.path("component").asString()).containsOnly("planning");
            assertThat(types(planning)).contains("buffer_flush", "log", "heartbeat");
            JsonNode beat = last(errors, "heartbeat").path("heartbeat");
            assertThat(beat.path("session_id").asString()).isEqualTo("s1");
            assertThat(beat.path("tokens_used").longValue()).isGreaterThanOrEqualTo(15);
            assertThat(beat.path("is_alive").booleanValue()).isTrue();
            errors.socket.sendClose(1000, "");
            planning.socket.sendClose(1000, "");
        }
    }

    private static List<JsonNode> messages(Probe p) {
        return p.texts.stream().map(t -> new PythonJsonReader().read(t)).toList();
    }

    private static List<String> types(Probe p) {
        return messages(p).stream().map(m -> m.path("type").asString()).distinct().toList();
    }

    private static List<JsonNode> entries(Probe p) {
        return messages(p).stream().filter(m -> !m.path("type").asString().equals("heartbeat"))
                .flatMap(m -> m.path("entries").valueStream()).toList();
    }

    private static long heartbeats(Probe p) {
        return messages(p).stream().filter(m -> m.path("type").asString().equals("heartbeat")).count();
    }

    private static JsonNode last(Probe p, String type) {
        List<JsonNode> all = messages(p).stream().filter(m -> m.path("type").asString().equals(type)).toList();
        return all.get(all.size() - 1);
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 500 && !done.getAsBoolean(); i++) {
            Thread.sleep(20);
        }
        assertThat(done.getAsBoolean()).isTrue();
    }
}
