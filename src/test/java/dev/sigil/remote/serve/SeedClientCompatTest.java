package dev.sigil.remote.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.event.Level;
import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.Metadata;
import dev.sigil.layout.LogLayout;
import dev.sigil.log.ExecutionLogger;
import dev.sigil.log.LoggerSettings;
import dev.sigil.monitor.TailActions;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Reducer;
import dev.sigil.monitor.state.SessionStats;
import dev.sigil.tail.FileTailSource;
import dev.sigil.tail.TailEvent;
import dev.sigil.tail.TailOptions;
import dev.sigil.tail.Tailer;
import tools.jackson.databind.JsonNode;

/**
 * Seed 002's own Python {@code MonitorClient} (compat-tests/python/seed_monitor_client.py, run with the websockets and
 * rich packages) against a real server: it receives the session as it is written, a backlog and then live entries
 * with 4-32 KiB outputs, and ends with the totals {@code sigil monitor} works out from the file.
 */
@Tag("compat")
class SeedClientCompatTest {

    @TempDir
    Path tmp;

    @Test
    void theSeedsClientFollowsALiveSessionAndShowsTheMonitorsTotals() throws Exception {
        LoggerSettings settings = LoggerSettings.builder().logPath(tmp).maxFileSizeBytes(64 << 10).fsync(false).build();
        ExecutionLogger logger = ExecutionLogger.builder(settings).shutdownHook(false).open("seed-live");
        logger.log(EventType.SESSION_START, Component.ORCHESTRATOR, "Session started", 0, Metadata.builder().put("budget", 200_000).build());
        for (int i = 0; i < 20; i++) {
            step(logger, i);
        }
        logger.flush();
        try (StreamServer server = StreamServer.start(StreamSettings.of(new InetSocketAddress("127.0.0.1", 0), new LogLayout(tmp), null))) {
            Path out = tmp.resolve("client.json");
            Process client = new ProcessBuilder("python3", Path.of("compat-tests/python/seed_monitor_probe.py").toAbsolutePath().toString(),
                    "ws://127.0.0.1:" + server.port() + "/monitoring/v1/logs/stream", "seed-live", "7", out.toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("client.out").toFile()).start();
            Thread.sleep(2500);
            for (int i = 20; i < 40; i++) {
                step(logger, i);
            }
            logger.log(EventType.SESSION_COMPLETE, Component.ORCHESTRATOR, "Session complete", 0, Metadata.builder().build());
            logger.close();
            assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String printed = Files.readString(tmp.resolve("client.out"), StandardCharsets.UTF_8);
            assertThat(client.exitValue()).as(printed).isZero();
            JsonNode seen = new PythonJsonReader().read(Files.readString(out, StandardCharsets.UTF_8));
            SessionStats expected = monitorOf(logger.logFile());
            assertThat(expected.tokensUsed()).isPositive();
            assertThat(seen.at("/status/tokens_used").longValue()).isEqualTo(expected.tokensUsed());
            assertThat(seen.at("/status/budget_remaining").longValue()).isEqualTo(expected.budget() - expected.tokensUsed());
            assertThat(seen.at("/status/session_id").asString()).isEqualTo("seed-live");
            assertThat(seen.at("/status/is_alive").booleanValue()).isFalse();
            // the reader's operation of the last entry (docs/contract.md §8: an execution entry without one has its event type)
            assertThat(seen.at("/status/current_operation").asString()).isEqualTo("session_complete");
            assertThat(seen.at("/status/current_component").asString()).isEqualTo("orchestrator");
            // every entry at info and above (the client's default), the backlog and the live ones: 1 + 40 + 1
            assertThat(seen.at("/received").intValue()).isEqualTo(42);
            assertThat(seen.at("/last/event_type").asString()).isEqualTo("session_complete");
            assertThat(printed).contains("Sigil v2 Monitor");
        }
    }

    private static void step(ExecutionLogger logger, int i) {
        String output = "answer ".repeat(600 + (i * 613) % 4000);
        logger.log(EventType.STEP_COMPLETE, Component.REASONING, "step " + i, 100 + i * 7,
                Metadata.builder().put("operation", "generate_" + i).put("output", output).build());
    }

    /** What sigil monitor makes of the whole file: the same tailer and reducer. */
    private static SessionStats monitorOf(Path log) {
        List<TailEvent> events = new ArrayList<>();
        try (Tailer t = new Tailer(new FileTailSource(log), TailOptions.defaults().withPartsFirst(true).withEventsAhead(true), events::add)) {
            t.readAll();
        }
        MonitorState state = MonitorState.initial(log.toString(), false, "", Level.TRACE);
        for (TailEvent e : events) {
            state = Reducer.reduceAll(state, TailActions.of(e, 0));
        }
        return state.session();
    }
}
