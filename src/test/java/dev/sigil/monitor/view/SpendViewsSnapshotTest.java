package dev.sigil.monitor.view;

import static dev.sigil.monitor.view.Fixtures.render;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorAction.Command;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Reducer;
import dev.sigil.testing.Snapshots;

/**
 * The cost view and the call tree drawn into TamboUI's in-memory buffer from an orchestrate session (a dollar budget,
 * four models, cache reads, tool calls, one call of a model without a price), compared with reviewed golden text
 * under src/test/resources/snapshots/monitor/ (rewrite with -Dsnapshot.update=true, then look at the diff).
 */
class SpendViewsSnapshotTest {

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @CsvSource({
        "cost, 80, 24", "cost, 200, 50", "cost, 40, 12",
        "cost-complete, 80, 24",
        "cost-no-models, 80, 24",
        "tree, 80, 24", "tree, 200, 50",
        "tree-opened, 80, 24",
        "tree-complete, 200, 50",
        "dashboard-priced, 80, 24", "dashboard-priced, 200, 50"})
    void spendViews(String scene, int width, int height) {
        Snapshots.assertMatches("monitor/" + scene + "-" + width + "x" + height, render(scene(scene), width, height, Theme.mono()));
    }

    static MonitorState scene(String name) {
        MonitorState running = Fixtures.priced("priced-running.jsonl", "10:15:47");
        MonitorState complete = key(Fixtures.priced("priced-complete.jsonl", "10:15:52"), Command.CANCEL);
        return switch (name) {
            case "cost" -> key(running, Command.COST_VIEW);
            case "cost-complete" -> key(complete, Command.COST_VIEW);
            case "cost-no-models" -> key(Fixtures.running(), Command.COST_VIEW);
            case "tree" -> key(running, Command.TREE_VIEW);
            case "tree-opened" -> {
                MonitorState s = key(running, Command.TREE_VIEW);
                for (int i = 0; i < 9; i++) {
                    s = key(s, Command.DOWN);
                }
                yield key(s, Command.CONFIRM);
            }
            case "tree-complete" -> key(complete, Command.TREE_VIEW);
            case "dashboard-priced" -> running;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static MonitorState key(MonitorState s, Command c) {
        return Reducer.reduce(s, new MonitorAction.Key(c));
    }
}
