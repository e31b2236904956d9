package dev.sigil.monitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Reducer;

/**
 * An idle tick draws no frame when nothing on screen can have moved: a finished session's ticks never do (its clock
 * text is not even worked out), a running one's do when its elapsed time moves, and a change of the UTC offset does.
 */
class IdleTickTest {

    private static String clock(MonitorState s) {
        return DashboardApp.clockText(s);
    }

    @Test
    void aFinishedSessionsTicksDrawNothingAndARunningOnesDo() {
        MonitorState done = Fixtures.complete();
        MonitorState later = Reducer.reduce(done, Fixtures.tickAt("10:46:02"));
        assertThat(DashboardApp.showsTheSame(done, clock(done), later)).isTrue();

        MonitorState running = Fixtures.running();
        MonitorState aSecondOn = Reducer.reduce(running, Fixtures.tickAt("10:16:03"));
        assertThat(clock(aSecondOn)).isNotEqualTo(clock(running));
        assertThat(DashboardApp.showsTheSame(running, clock(running), aSecondOn)).isFalse();
    }

    @Test
    void anotherUtcOffsetIsDrawn() {
        MonitorState done = Fixtures.complete();
        MonitorAction.Tick t = Fixtures.tickAt("10:46:02");
        MonitorState moved = Reducer.reduce(done, new MonitorAction.Tick(t.epochMillis(), 3600));
        assertThat(DashboardApp.showsTheSame(done, clock(done), moved)).isFalse();
    }
}
