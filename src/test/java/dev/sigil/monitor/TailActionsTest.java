package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.tail.SkipReason;
import dev.sigil.tail.TailEntry;
import dev.sigil.tail.TailEvent;

class TailActionsTest {

    @Test
    void linesBecomeOneBatchAndInvalidUtf8IsCounted() {
        TailEntry ok = new TailEntry(1, 0, null, Lines.decode(Lines.start("2026-01-11T10:00:00", "s", 5)), false);
        TailEntry bad = new TailEntry(2, 10, null, Lines.decode(Lines.start("2026-01-11T10:00:01", "s", 5)), true);
        List<MonitorAction> actions = TailActions.of(new TailEvent.Lines("f", List.of(ok, bad)), 42);
        assertThat(actions).containsExactly(new MonitorAction.LineProblems(0, 0, 1),
                new MonitorAction.LinesAppended(List.of(ok.event(), bad.event()), 42,
                        List.of(new MonitorAction.Position("f", 1, 0), new MonitorAction.Position("f", 2, 10))));
    }

    @Test
    void skippedLinesAreCountedByReason() {
        assertThat(TailActions.of(new TailEvent.Skipped("f", 3, 0, 9, SkipReason.TOO_LONG, ""), 0))
                .containsExactly(new MonitorAction.LineProblems(0, 1, 0));
        for (SkipReason r : List.of(SkipReason.MALFORMED, SkipReason.NOT_AN_OBJECT, SkipReason.TORN)) {
            assertThat(TailActions.of(new TailEvent.Skipped("f", 3, 0, 9, r, ""), 0))
                    .containsExactly(new MonitorAction.LineProblems(1, 0, 0));
        }
    }

    @Test
    void fileChangesBecomeResetsOrNotices() {
        assertThat(of(TailEvent.Change.APPEARED)).isEqualTo(new MonitorAction.SourceOpened("f"));
        assertThat(of(TailEvent.Change.ROTATED)).isEqualTo(new MonitorAction.Rotated(7));
        assertThat(of(TailEvent.Change.TRUNCATED)).isEqualTo(new MonitorAction.Truncated(7));
        assertThat(of(TailEvent.Change.REPLACED)).isEqualTo(new MonitorAction.Replaced("f", 7));
        for (TailEvent.Change c : List.of(TailEvent.Change.MISSING, TailEvent.Change.UNREADABLE, TailEvent.Change.READABLE)) {
            assertThat(of(c)).isInstanceOf(MonitorAction.Notice.class);
        }
    }

    private static MonitorAction of(TailEvent.Change change) {
        List<MonitorAction> actions = TailActions.of(new TailEvent.FileChanged("f", change, "why"), 7);
        assertThat(actions).hasSize(1);
        return actions.get(0);
    }
}
