package dev.sigil.monitor.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.event.Level;
import dev.sigil.monitor.Lines;
import dev.sigil.monitor.state.MonitorAction.Command;
import dev.sigil.monitor.state.Views.View;
import dev.sigil.spend.Branch;
import dev.sigil.spend.Prices;
import dev.sigil.spend.Pricing;

/**
 * The spending views through the reducer: what is priced (a pure function given to the state: here a dollar per
 * thousand tokens of every named model, so the figures can be checked by eye), and what the keys do there.
 */
class SpendViewsTest {

    private static final Pricing PER_THOUSAND = (u, at) -> Optional.of(BigDecimal.valueOf(u.totalTokens()).movePointLeft(3));

    private static MonitorState session() throws IOException {
        MonitorState s = MonitorState.initial("x", true, "", Level.INFO, new Prices(PER_THOUSAND, ZoneOffset.UTC));
        String text = Files.readString(Path.of("src/test/resources/monitor/priced-running.jsonl"));
        return Reducer.reduce(s, new MonitorAction.LinesAppended(Lines.decodeAll(text), 0));
    }

    private static MonitorState key(MonitorState s, Command... cs) {
        for (Command c : cs) {
            s = Reducer.reduce(s, new MonitorAction.Key(c));
        }
        return s;
    }

    @Test
    void theReducerPricesEveryModelCallAndLeavesTheRestUnpriced() throws IOException {
        SessionStats s = session().session();
        var total = s.spending().total();
        assertThat(total.totalTokens()).isEqualTo(s.tokensUsed());
        // every named model is priced here, the in-house one included; tokens without a record are not
        assertThat(total.usd()).isEqualByComparingTo(BigDecimal.valueOf(total.pricedTokens()).movePointLeft(3));
        assertThat(s.spending().models().keySet()).contains("mycorp:internal-llm-7b", "anthropic:claude-sonnet-4-5-20250929");
        assertThat(s.spending().hasBudgetUsd()).isTrue();
        assertThat(s.spending().budgetUsd()).isEqualByComparingTo("0.25");
        assertThat(Reducer.reduce(MonitorState.initial("x", true, "", Level.INFO), new MonitorAction.LinesAppended(
                Lines.decodeAll(Files.readString(Path.of("src/test/resources/monitor/priced-running.jsonl"))), 0))
                .session().spending().total().cost()).as("without prices nothing is priced").isEmpty();
    }

    @Test
    void dollarAndTTurnTheViewsOnAndOffAndEscapeGoesBack() throws IOException {
        MonitorState s = session();
        assertThat(key(s, Command.COST_VIEW).views().view()).isEqualTo(View.COST);
        assertThat(key(s, Command.COST_VIEW, Command.COST_VIEW).views().view()).isEqualTo(View.DASHBOARD);
        assertThat(key(s, Command.COST_VIEW, Command.TREE_VIEW).views().view()).isEqualTo(View.TREE);
        assertThat(key(s, Command.TREE_VIEW, Command.CANCEL).views().view()).isEqualTo(View.DASHBOARD);
        assertThat(key(s, Command.TREE_VIEW, Command.UP, Command.UP).ui().scroll()).as("the tree's keys are not the events'").isZero();
    }

    @Test
    void theCursorMovesOverVisibleRowsAndEnterOpensOrClosesTheNodeUnderIt() throws IOException {
        MonitorState s = key(session(), Command.TREE_VIEW);
        List<Branch> rows = TreeRows.visible(s.session().spending().tree(), s.views());
        assertThat(rows.get(0).node().id()).isEqualTo("run-1");
        assertThat(rows).extracting(b -> b.depth()).allMatch(d -> d <= 2); // run and phases open, steps closed
        MonitorState atStep = key(s, Command.END);
        Branch last = rows.get(rows.size() - 1);
        assertThat(atStep.views().cursor()).isEqualTo(last.node().id());
        int withTool = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).children().isEmpty() && rows.get(i).depth() == 2) {
                withTool = i;
                break;
            }
        }
        MonitorState at = s;
        for (int i = 0; i < withTool; i++) {
            at = key(at, Command.DOWN);
        }
        MonitorState opened = key(at, Command.CONFIRM);
        assertThat(TreeRows.visible(opened.session().spending().tree(), opened.views())).hasSize(rows.size() + rows.get(withTool).children().size());
        assertThat(TreeRows.visible(key(opened, Command.CONFIRM).session().spending().tree(), key(opened, Command.CONFIRM).views()))
                .hasSize(rows.size());
        MonitorState parent = key(at, Command.COLLAPSE);
        assertThat(parent.views().cursor()).isEqualTo("run-1/plan_execution");
        MonitorState closedPhase = key(parent, Command.COLLAPSE);
        assertThat(TreeRows.visible(closedPhase.session().spending().tree(), closedPhase.views()).size()).isLessThan(rows.size());
        assertThat(key(closedPhase, Command.EXPAND).views().open("run-1/plan_execution", 1)).isTrue();
    }

    @Test
    void escapeFirstClosesTheSummaryThenLeavesTheView() throws IOException {
        String text = Files.readString(Path.of("src/test/resources/monitor/priced-complete.jsonl"));
        MonitorState s = Reducer.reduce(MonitorState.initial("x", true, "", Level.INFO), new MonitorAction.LinesAppended(Lines.decodeAll(text), 0));
        MonitorState tree = key(s, Command.TREE_VIEW);
        assertThat(tree.showSummary()).isTrue();
        MonitorState once = key(tree, Command.CANCEL);
        assertThat(once.showSummary()).isFalse();
        assertThat(once.views().view()).isEqualTo(View.TREE);
        assertThat(key(once, Command.CANCEL).views().view()).isEqualTo(View.DASHBOARD);
    }
}
