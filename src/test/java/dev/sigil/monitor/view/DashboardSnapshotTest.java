package dev.sigil.monitor.view;

import static dev.sigil.monitor.view.Fixtures.render;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorAction.Command;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Reducer;
import dev.sigil.monitor.state.SessionChoice;
import dev.sigil.testing.Snapshots;

/**
 * The dashboard drawn into TamboUI's in-memory buffer, compared with reviewed golden text under
 * src/test/resources/snapshots/monitor/ (rewrite with -Dsnapshot.update=true, then look at the diff).
 */
class DashboardSnapshotTest {

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @CsvSource({
        "waiting, 80, 24", "waiting, 40, 12",
        "running, 80, 24", "running, 40, 12", "running, 120, 40",
        "complete, 80, 24", "complete, 40, 12", "complete, 120, 40",
        "dismissed, 80, 24",
        "help, 80, 24", "help, 40, 12",
        "filtering, 80, 24",
        "scrolled, 80, 24", "warnings, 80, 24",
        "picker, 80, 24",
        "paused, 80, 24"})
    void dashboard(String scene, int width, int height) {
        Snapshots.assertMatches("monitor/" + scene + "-" + width + "x" + height, render(scene(scene), width, height, Theme.mono()));
    }

    static MonitorState scene(String name) {
        return switch (name) {
            case "waiting" -> Reducer.reduce(Fixtures.initial(), Fixtures.tickAt("10:16:02"));
            case "running" -> Fixtures.running();
            case "complete" -> Fixtures.complete();
            case "dismissed" -> key(Fixtures.complete(), Command.CANCEL);
            case "help" -> key(Fixtures.running(), Command.HELP);
            case "filtering" -> {
                MonitorState s = key(Fixtures.running(), Command.FILTER);
                for (char c : "reason".toCharArray()) {
                    s = Reducer.reduce(s, new MonitorAction.TypeChar(c));
                }
                yield s;
            }
            case "scrolled" -> key(key(Fixtures.running(), Command.UP), Command.UP);
            case "warnings" -> key(Fixtures.running(), Command.CYCLE_LEVEL);
            case "picker" -> Reducer.reduce(key(Fixtures.running(), Command.PICK_SESSION), new MonitorAction.SessionsListed(
                    java.util.List.of(new SessionChoice("demo-7", 1_768_126_562_000L, 4_096),
                            new SessionChoice("demo-6", 1_768_040_000_000L, 120_000))));
            case "paused" -> {
                MonitorState s = key(Fixtures.running(), Command.PAUSE);
                yield Reducer.reduce(s, new MonitorAction.LinesAppended(dev.sigil.monitor.Lines.decodeAll(
                        dev.sigil.monitor.Lines.entry("2026-01-11T10:16:01", "demo-7", "step_complete", "validation",
                                "not shown while paused", 5, 1)), 0));
            }
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static MonitorState key(MonitorState s, Command c) {
        return Reducer.reduce(s, new MonitorAction.Key(c));
    }
}
