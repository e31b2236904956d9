package dev.sigil.monitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sigil.monitor.Lines;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Reducer;

/**
 * The screen while a backlog is folded (ADR 0165), at 80x24 and 200x50: the log's newest events in the events panel,
 * the totals of the lines folded so far, and the progress in the status bar; once folded, the session's own events
 * and no progress.
 */
class BacklogScreenTest {

    private static MonitorState folding() {
        String newest = Lines.entry("2026-01-11T10:20:00", "s", "step_complete", "memory", "the newest event of the log", 5, 1.0);
        MonitorState s = Reducer.reduce(Fixtures.initial(), Fixtures.tickAt("10:16:02"));
        s = Reducer.reduce(s, new MonitorAction.SourceOpened(Fixtures.SOURCE));
        s = Reducer.reduce(s, new MonitorAction.BacklogFound(1000, List.of(Lines.decode(newest)), List.of()));
        String first = Lines.start("2026-01-11T10:00:00", "s", 100_000);
        s = Reducer.reduce(s, new MonitorAction.LinesAppended(List.of(Lines.decode(first),
                Lines.decode(Lines.entry("2026-01-11T10:00:01", "s", "step_complete", "memory", "an old event", 7, 1.0))), 0));
        return Reducer.reduce(s, new MonitorAction.BacklogFolded(437, false, ""));
    }

    @Test
    void theNewestEventsAndTheProgressWhileTheBacklogIsFolded() {
        for (int[] size : new int[][] {{80, 24}, {200, 50}}) {
            String screen = Fixtures.render(folding(), size[0], size[1], Theme.mono());
            String events = screen.substring(screen.indexOf("Events "));
            assertThat(events).as("%dx%d", size[0], size[1]).contains("the newest event of the log").doesNotContain("an old event");
            assertThat(screen).contains(size[0] < 100 ? "backlog 43 %" : "reading backlog 43 % · totals so far");
            assertThat(screen).contains("2 events");
        }
    }

    @Test
    void onceFoldedTheSessionsOwnEventsAndNoProgress() {
        MonitorState done = Reducer.reduce(folding(), new MonitorAction.BacklogFolded(1000, true, ""));
        String screen = Fixtures.render(done, 200, 50, Theme.mono());
        assertThat(screen).contains("an old event").doesNotContain("backlog");
        assertThat(done.backlog().pending()).isFalse();
    }

    @Test
    void theProgressNeverSaysAHundredWhileTheTotalsArePartial() {
        MonitorState s = Reducer.reduce(folding(), new MonitorAction.BacklogFolded(999_999, false, ""));
        assertThat(s.backlog().percent()).isEqualTo(99);
        assertThat(s.backlog().pending()).isTrue();
        assertThat(Reducer.reduce(s, new MonitorAction.EndOfInput()).backlog().pending()).isFalse();
        assertThat(Reducer.reduce(s, new MonitorAction.Truncated(0)).backlog().pending()).isFalse();
    }
}
