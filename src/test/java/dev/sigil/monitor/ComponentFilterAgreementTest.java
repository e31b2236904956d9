package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.event.Level;
import dev.sigil.monitor.state.EventRow;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Reducer;
import dev.sigil.monitor.view.Display;
import dev.sigil.tail.TailOptions;

/**
 * {@code --filter} means the same in the stream and on the dashboard (issue 12): a name as the line writes it, or any
 * name of the same contract component, seed 002's included, so {@code routing} shows a seed-002 {@code router} line
 * and {@code router} shows a contract {@code routing} line, in both displays.
 */
class ComponentFilterAgreementTest {

    @TempDir
    Path dir;

    /** Two dialects in one log: a contract routing line, a seed-002 router line, a memory line. */
    private static final String LOG = Lines.start("2026-01-11T10:00:00", "s", 1000) + "\n"
            + Lines.entry("2026-01-11T10:00:01", "s", "step_complete", "routing", "contract routing", 5, 10) + "\n"
            + "{\"timestamp\":\"2026-01-11T10:00:02\",\"session_id\":\"s\",\"level\":\"info\",\"component\":\"router\","
            + "\"operation\":\"route\",\"message\":\"seed-002 router\"}\n"
            + Lines.entry("2026-01-11T10:00:03", "s", "step_complete", "memory", "contract memory", 5, 10) + "\n";

    private List<String> stream(String filter) throws IOException {
        Path file = dir.resolve("execution.jsonl");
        Files.writeString(file, LOG);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MonitorOptions options = new MonitorOptions(new LogLocator(dir.toString()).path(file.toString()), MonitorOptions.Mode.STREAM, filter,
                Level.INFO, Duration.ofMillis(10), false, false, false, TailOptions.DEFAULT_MAX_LINE_BYTES, Display.DEFAULTS);
        new StreamMonitor(options, out, new PrintWriter(new StringWriter()), Clock.systemUTC()).run();
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("[")).map(l -> l.substring(l.indexOf(": ") + 2, l.indexOf(" (")))
                .filter(m -> m.startsWith("contract") || m.startsWith("seed-002")).toList();
    }

    private static List<String> dashboard(String filter) {
        MonitorState s = MonitorState.initial("x", false, filter, Level.INFO);
        s = Reducer.reduce(s, new MonitorAction.LinesAppended(Lines.decodeAll(LOG), 0));
        return s.visibleEvents().stream().map(EventRow::message).filter(m -> m.startsWith("contract") || m.startsWith("seed-002")).toList();
    }

    @Test
    void bothDisplaysShowTheSameEventsForEveryFilter() throws IOException {
        for (String filter : List.of("", "routing", "router", "ROUTING", "memory", "planner", "nothing")) {
            assertThat(dashboard(filter)).as("filter '%s'", filter).isEqualTo(stream(filter));
        }
        assertThat(dashboard("routing")).containsExactly("contract routing", "seed-002 router");
        assertThat(dashboard("router")).containsExactly("contract routing", "seed-002 router");
        assertThat(dashboard("memory")).containsExactly("contract memory");
        assertThat(dashboard("nothing")).isEmpty();
    }
}
