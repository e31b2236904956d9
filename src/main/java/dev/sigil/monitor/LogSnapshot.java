package dev.sigil.monitor;

import dev.sigil.contract.event.Level;
import dev.sigil.monitor.format.PythonMonitorText;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Reducer;
import dev.sigil.monitor.state.SessionStats;
import dev.sigil.spend.Prices;
import dev.sigil.tail.TailOptions;
import dev.sigil.tail.Tailer;

/**
 * A session as one whole read of its log gives it (its rotated parts first), the reducer's figures: what
 * {@code --no-follow} shows, and what {@code sigil orchestrate --monitor} prints at the end of its run, whichever
 * session the dashboard was showing when it closed.
 */
public final class LogSnapshot {

    private LogSnapshot() {
    }

    /**
     * The session in {@code target}'s log now, read to its end ({@code nowMillis}: the wall clock, for idle times),
     * its lines priced with {@code prices}.
     */
    public static SessionStats read(LogTarget target, int maxLineBytes, long nowMillis, Prices prices) {
        MonitorState[] state = {MonitorState.initial(target.shown(), false, "", Level.TRACE, prices)};
        TailOptions options = TailOptions.defaults().withMaxLineBytes(maxLineBytes).withPartsFirst(true).withEventsAhead(true);
        try (Tailer t = new Tailer(target.source(), options, event -> {
            for (MonitorAction a : TailActions.of(event, nowMillis)) {
                state[0] = Reducer.reduce(state[0], a);
            }
        })) {
            t.readAll();
        }
        return Reducer.reduce(state[0], new MonitorAction.EndOfInput()).session();
    }

    /**
     * The final summary of the session in {@code target}'s log, on a terminal, as the documented monitor ends
     * (seed 001 §4.3), or "" when it did not end (no {@code session_complete} or {@code session_error}).
     */
    public static String finalSummary(LogTarget target, int maxLineBytes, long nowMillis, Prices prices) {
        SessionStats s = read(target, maxLineBytes, nowMillis, prices);
        if (!s.status().isFinished()) {
            return "";
        }
        String id = s.sessionId().isEmpty() ? target.session() : s.sessionId();
        return PythonMonitorText.forTerminal().finalSummary(id, s, s.elapsedSeconds(null));
    }
}
