package dev.sigil.monitor.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.event.Level;
import dev.sigil.monitor.Lines;

/**
 * The backlog's progress between batches does not keep the batches apart (one fold instead of many, ADR 0165); the
 * progress that says it is done stays after its line, so the fold kept is the fold at that line.
 */
class CoalescingBacklogTest {

    private static MonitorAction.LinesAppended line(String message) {
        return new MonitorAction.LinesAppended(List.of(Lines.decode(
                Lines.entry("2026-01-11T10:00:00", "s", "step_complete", "memory", message, 3, 1.0))), 0);
    }

    @Test
    void progressWaitsForTheMergedBatchesAndDoneStaysInPlace() {
        List<MonitorAction> in = List.of(line("a"), new MonitorAction.BacklogFolded(10, false, ""), line("b"),
                new MonitorAction.BacklogFolded(20, false, ""), line("c"), new MonitorAction.BacklogFolded(30, true, "k"), line("d"));
        List<MonitorAction> out = Coalescing.coalesce(in);
        assertThat(out).hasSize(4);
        assertThat(((MonitorAction.LinesAppended) out.get(0)).events()).hasSize(3);
        assertThat(out.get(1)).isEqualTo(new MonitorAction.BacklogFolded(20, false, ""));
        assertThat(out.get(2)).isEqualTo(new MonitorAction.BacklogFolded(30, true, "k"));
        assertThat(((MonitorAction.LinesAppended) out.get(3)).events()).hasSize(1);
        MonitorState start = Reducer.reduce(MonitorState.initial("log", true, "", Level.TRACE),
                new MonitorAction.BacklogFound(30, List.of(), List.of()));
        MonitorState one = Reducer.reduceAll(start, in);
        MonitorState merged = Reducer.reduceAll(start, out);
        assertThat(merged.session().eventCount()).isEqualTo(one.session().eventCount()).isEqualTo(4);
        assertThat(merged.backlog()).isEqualTo(one.backlog());
    }

    /** A fold made on the reader's thread (ADR 0205) of the lines {@code messages}, after {@code before}. */
    private static MonitorAction.BacklogFolded folded(FoldedSoFar before, long bytes, boolean done, String... messages) {
        List<dev.sigil.contract.event.LogEvent> events = new java.util.ArrayList<>();
        for (String m : messages) {
            events.addAll(line(m).events());
        }
        return new MonitorAction.BacklogFolded(bytes, done, done ? "k" : "",
                before.taken().plus(events, List.of(), 0, dev.sigil.spend.Prices.NONE).skipped(1, 0, 0));
    }

    @Test
    void foldsMadeOnTheReadersThreadMergeIntoTheLatestWithTheirCountsAdded() {
        MonitorAction.BacklogFolded first = folded(FoldedSoFar.start(), 10, false, "a", "b");
        MonitorAction.BacklogFolded second = folded(first.fold(), 20, false, "c");
        MonitorAction.BacklogFolded last = folded(second.fold(), 30, true, "d");
        List<MonitorAction> in = List.of(first, second, last, line("e"));
        List<MonitorAction> out = Coalescing.coalesce(in);
        assertThat(out).hasSize(3);
        MonitorAction.BacklogFolded merged = (MonitorAction.BacklogFolded) out.get(0);
        assertThat(merged.fold().session()).isSameAs(second.fold().session());
        assertThat(merged.fold().lines()).isEqualTo(3);
        assertThat(merged.fold().malformed()).isEqualTo(2);
        assertThat(out.get(1)).isSameAs(last);
        MonitorState start = Reducer.reduce(MonitorState.initial("log", true, "", Level.TRACE),
                new MonitorAction.BacklogFound(30, List.of(), List.of()));
        MonitorState one = Reducer.reduceAll(start, in);
        MonitorState both = Reducer.reduceAll(start, out);
        MonitorState plain = Reducer.reduceAll(start, List.of(line("a"), line("b"), line("c"), line("d"), line("e")));
        assertThat(both.session().eventCount()).isEqualTo(one.session().eventCount()).isEqualTo(plain.session().eventCount()).isEqualTo(5);
        assertThat(both.session().summedTokens()).isEqualTo(plain.session().summedTokens());
        assertThat(both.reader().malformed()).isEqualTo(one.reader().malformed()).isEqualTo(3);
        assertThat(both.backlog().pending()).isFalse();
    }

    @Test
    void aFoldMadeOnTheReadersThreadIsNeverReducedAfterLaterLines() {
        MonitorAction.BacklogFolded fold = folded(FoldedSoFar.start(), 10, false, "a");
        List<MonitorAction> out = Coalescing.coalesce(List.of(line("x"), fold, line("b")));
        assertThat(out).hasSize(3);
        assertThat(out.get(1)).isSameAs(fold);
    }
}
