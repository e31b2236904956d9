package dev.sigil.monitor.view;

import static dev.sigil.monitor.view.Fixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.sigil.monitor.state.Effect;
import dev.sigil.monitor.state.History;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorAction.Command;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Reducer;
import dev.sigil.monitor.state.Update;
import dev.sigil.monitor.state.Views;
import dev.sigil.testing.Snapshots;

/**
 * The history view ({@code H}): opening it asks for the history as an effect and shows that it is being read; the
 * figures handed back are drawn as two bar charts and two lists at 80x24 and 200x50 (reviewed goldens under
 * src/test/resources/snapshots/monitor/), a failure as its message; {@code H} again goes back to the dashboard.
 */
class HistoryViewSnapshotTest {

    /** Thirty days from 2026-01-01: a rising week, a quiet day, one expensive day. */
    static History history() {
        List<History.Total> days = new ArrayList<>();
        for (int i = 0; i < History.DAYS; i++) {
            long tokens = i == 12 ? 0 : i == 20 ? 900_000 : 20_000L * (1 + i % 7);
            days.add(new History.Total(LocalDate.of(2026, 1, 1).plusDays(i).toString(), BigDecimal.valueOf(tokens).movePointLeft(5), tokens, tokens > 0));
        }
        List<History.Total> sessions = List.of(new History.Total("run-big", new BigDecimal("9.00"), 900_000, true),
                new History.Total("run-2026-01-07", new BigDecimal("1.40"), 140_000, true), new History.Total("local-llm", BigDecimal.ZERO, 5_000, false));
        List<History.Total> models = List.of(new History.Total("anthropic:claude-sonnet-4-5-20250929", new BigDecimal("10.25"), 1_000_000, true),
                new History.Total("openai:gpt-4.1-mini-2025-04-14", new BigDecimal("0.15"), 40_000, true));
        return new History(History.State.READ, "", days, sessions, models);
    }

    static MonitorState opened() {
        return Reducer.update(Fixtures.running(), new MonitorAction.Key(Command.HISTORY_VIEW)).state();
    }

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @CsvSource({"history, 80, 24", "history, 200, 50", "history-reading, 80, 24", "history-failed, 80, 24"})
    void historyView(String scene, int width, int height) {
        MonitorState s = switch (scene) {
            case "history" -> Reducer.reduce(opened(), new MonitorAction.HistoryLoaded(history()));
            case "history-failed" -> Reducer.reduce(opened(), new MonitorAction.HistoryLoaded(History.failed("/logs/sessions: permission denied")));
            default -> opened();
        };
        Snapshots.assertMatches("monitor/" + scene + "-" + width + "x" + height, render(s, width, height, Theme.mono()));
    }

    @Test
    void theKeyAsksForTheHistoryAndTogglesTheView() {
        Update open = Reducer.update(Fixtures.running(), new MonitorAction.Key(Command.HISTORY_VIEW));
        assertThat(open.effects()).containsExactly(new Effect.LoadHistory());
        assertThat(open.state().views().view()).isEqualTo(Views.View.HISTORY);
        assertThat(open.state().views().history().state()).isEqualTo(History.State.LOADING);
        MonitorState loaded = Reducer.reduce(open.state(), new MonitorAction.HistoryLoaded(history()));
        assertThat(loaded.views().history().days()).hasSize(History.DAYS);
        Update close = Reducer.update(loaded, new MonitorAction.Key(Command.HISTORY_VIEW));
        assertThat(close.effects()).isEmpty();
        assertThat(close.state().views().view()).isEqualTo(Views.View.DASHBOARD);
        assertThat(Reducer.reduce(loaded, new MonitorAction.Key(Command.CANCEL)).views().view()).isEqualTo(Views.View.DASHBOARD);
    }
}
