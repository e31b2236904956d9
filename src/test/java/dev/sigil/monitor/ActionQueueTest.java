package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.event.LogEvent;
import dev.sigil.monitor.state.MonitorAction;

class ActionQueueTest {

    private static final LogEvent EVENT = Lines.decode(Lines.start("2026-01-11T10:00:00", "s", 5));

    private static MonitorAction.LinesAppended lines(int n, long at) {
        return new MonitorAction.LinesAppended(java.util.Collections.nCopies(n, EVENT), at);
    }

    @Test
    void drainHandsOverEverythingCoalesced() {
        ActionQueue q = new ActionQueue(100, Long.MAX_VALUE);
        q.post(lines(2, 1));
        q.post(lines(3, 2));
        q.post(new MonitorAction.Tick(5, 0));
        q.post(new MonitorAction.Tick(6, 0));
        assertThat(q.drain()).containsExactly(lines(5, 2), new MonitorAction.Tick(6, 0));
        assertThat(q.drain()).isEmpty();
    }

    @Test
    void aFullQueueHoldsTheReaderBackUntilDrained() {
        ActionQueue q = new ActionQueue(10, Long.MAX_VALUE);
        assertThat(q.post(lines(8, 1))).isTrue();
        assertThat(q.post(lines(5, 2), () -> true)).as("no room and the poster gives up").isFalse();
        assertThat(q.post(new MonitorAction.Tick(1, 0), () -> true)).as("actions without lines always fit").isTrue();
        assertThat(q.drain()).hasSize(2);
        assertThat(q.post(lines(5, 2), () -> true)).isTrue();
    }

    @Test
    void theLogsEndAsksForAFrameAtOnceAndOtherActionsDoNot() {
        ActionQueue q = new ActionQueue(100, Long.MAX_VALUE);
        java.util.List<java.util.List<MonitorAction>> pendingWhenAsked = new java.util.ArrayList<>();
        // the render thread would take what waits: the end must be in the queue when the hook runs
        q.onFirstContent(() -> pendingWhenAsked.add(q.drain()));
        q.post(new MonitorAction.SourceOpened("log"));
        q.post(lines(3, 1));
        q.post(new MonitorAction.Tick(5, 0));
        assertThat(pendingWhenAsked).isEmpty();
        q.post(new MonitorAction.BacklogFound(1000, java.util.List.of(EVENT), java.util.List.of()));
        assertThat(pendingWhenAsked).hasSize(1);
        assertThat(pendingWhenAsked.get(0)).hasAtLeastOneElementOfType(MonitorAction.BacklogFound.class)
                .hasAtLeastOneElementOfType(MonitorAction.SourceOpened.class);
        q.post(new MonitorAction.BacklogFolded(500, false, ""));
        assertThat(pendingWhenAsked).hasSize(1);
    }

    @Test
    void oneBatchLargerThanTheBoundStillGoesIntoAnEmptyQueue() {
        ActionQueue q = new ActionQueue(10, Long.MAX_VALUE);
        assertThat(q.post(lines(50, 3), () -> true)).isTrue();
        assertThat(q.drain()).containsExactly(lines(50, 3));
    }

    @Test
    void eventsWithLargeMessagesAreBoundedByTheirBytesNotTheirCount() {
        LogEvent big = Lines.decode(Lines.entry("2026-01-11T10:00:01", "s", "step_complete", "reasoning", "x".repeat(64 << 10), 5, 12.5));
        MonitorAction.LinesAppended one = new MonitorAction.LinesAppended(java.util.List.of(big), 1);
        ActionQueue q = new ActionQueue(2_000, 1 << 20);
        int taken = 0;
        while (q.post(one, () -> true)) {
            taken++;
        }
        assertThat(taken).as("64 KiB messages in a 1 MiB queue").isBetween(4, 8);
        assertThat(ActionQueue.weight(big)).isGreaterThan(2L * (64 << 10));
    }

    @Test
    void aFoldOfTheBacklogTakesThePlaceOfTheOneWaitingAndNeverWaits() {
        ActionQueue q = new ActionQueue(10, 1 << 20);
        dev.sigil.monitor.state.FoldedSoFar start = dev.sigil.monitor.state.FoldedSoFar.start();
        dev.sigil.monitor.state.FoldedSoFar one = start.plus(java.util.List.of(EVENT), java.util.List.of(), 1, dev.sigil.spend.Prices.NONE);
        dev.sigil.monitor.state.FoldedSoFar two = one.taken().plus(java.util.List.of(EVENT, EVENT), java.util.List.of(), 2,
                dev.sigil.spend.Prices.NONE);
        assertThat(q.post(new MonitorAction.BacklogFolded(5, false, "", one), () -> true)).isTrue();
        assertThat(q.post(new MonitorAction.BacklogFolded(9, false, "", two), () -> true)).as("in the place of the first").isTrue();
        assertThat(q.post(new MonitorAction.BacklogFolded(12, true, "k", two.taken()), () -> true)).as("the last one after it").isTrue();
        var taken = q.drain();
        assertThat(taken).hasSize(2);
        var merged = (MonitorAction.BacklogFolded) taken.get(0);
        assertThat(merged.bytes()).isEqualTo(9);
        assertThat(merged.fold().lines()).isEqualTo(3);
        assertThat(merged.fold().session().eventCount()).isEqualTo(3);
        assertThat(((MonitorAction.BacklogFolded) taken.get(1)).done()).isTrue();
    }
}
