package dev.sigil.monitor.state;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.sigil.contract.event.Level;
import dev.sigil.spend.Prices;

/**
 * Everything the monitor shows, as one immutable value: the session, the reader's report, the user's choices and
 * the latest clock. Views read it; only the {@link Reducer} makes a new one.
 *
 * @param session the session as read so far
 * @param reader what the tailer reported about the file
 * @param ui the user's choices
 * @param clock the wall clock of the latest tick, or null before the first
 * @param idleMillis after how long without a new line a running session is shown as incomplete
 * @param prices how lines are priced (docs/cost.md)
 * @param views which view of the spending is open (cost, call tree), and where in it
 * @param run whether the screen is attached to a run ({@code orchestrate --monitor}) and how it stands
 * @param backlog the part of the log still to be folded and its newest events (ADR 0165)
 */
public record MonitorState(SessionStats session, ReaderStatus reader, UiState ui, Clock clock, long idleMillis, Prices prices,
                           Views views, Run run, Backlog backlog) {

    /** A session not growing for this long is shown as incomplete (it may still be waiting for a slow step). */
    public static final long DEFAULT_IDLE_MILLIS = 60_000;

    /** The state before anything was read. */
    public static MonitorState initial(String source, boolean following, String component, Level minLevel) {
        return initial(source, following, component, minLevel, Prices.NONE);
    }

    /** The state before anything was read, pricing lines with {@code prices}. */
    public static MonitorState initial(String source, boolean following, String component, Level minLevel, Prices prices) {
        return new MonitorState(SessionStats.empty(Status.INITIAL), ReaderStatus.initial(source, following),
                UiState.initial(component, minLevel), null, DEFAULT_IDLE_MILLIS, prices, Views.DASHBOARD, Run.NONE,
                Backlog.NONE);
    }

    /** The same state, attached to a run that goes on (what {@code sigil orchestrate --monitor} shows). */
    public MonitorState attachedToRun() {
        return withRun(Run.RUNNING);
    }

    /** The event the selection is on, or null when no event is visible. */
    public EventRow selectedEvent() {
        List<EventRow> visible = visibleEvents();
        int index = visible.size() - 1 - ui.scroll();
        return index >= 0 && index < visible.size() ? visible.get(index) : null;
    }

    /** The session the screen shows: as it was when paused, else as it is. */
    public SessionStats shown() {
        return ui.paused() ? ui.frozen() : session;
    }

    public EventFilter filter() {
        return new EventFilter(ui.minLevel(), ui.component(), ui.effectiveFilter());
    }

    /**
     * The shown session's recent events that pass the filter, oldest first; while the backlog is folded, the log's
     * newest events read from its end (ADR 0165).
     */
    public List<EventRow> visibleEvents() {
        return select(showsNewest() ? backlog.newest().items() : shown().recent().items(), filter());
    }

    /** Whether the events shown are the log's newest, read from its end, while its backlog is folded. */
    public boolean showsNewest() {
        return backlog.pending() && !backlog.newest().isEmpty();
    }

    /** The shown session's errors that pass the component filter, oldest first. */
    public List<EventRow> visibleErrors() {
        return select(shown().errors().items(), new EventFilter(Level.TRACE, ui.component(), ""));
    }

    static List<EventRow> select(List<EventRow> rows, EventFilter filter) {
        List<EventRow> out = new ArrayList<>();
        for (EventRow r : rows) {
            if (filter.matches(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Component names to cycle through with {@code c}: those with figures, then others seen in recent events. */
    public List<String> knownComponents() {
        Set<String> names = new LinkedHashSet<>();
        for (ComponentStats c : session.components()) {
            names.add(c.name());
        }
        for (EventRow r : session.recent().items()) {
            if (!r.component().isEmpty()) {
                names.add(r.component());
            }
        }
        return List.copyOf(names);
    }

    /** Whether the final summary is to be shown. */
    public boolean showSummary() {
        return shown().status().isFinished() && !ui.summaryDismissed();
    }

    MonitorState withUi(UiState u) {
        return with(session, reader, u);
    }

    MonitorState withRun(Run r) {
        return new MonitorState(session, reader, ui, clock, idleMillis, prices, views, r, backlog);
    }

    MonitorState with(Backlog b) {
        return new MonitorState(session, reader, ui, clock, idleMillis, prices, views, run, b);
    }

    MonitorState with(Clock c) {
        return new MonitorState(session, reader, ui, c, idleMillis, prices, views, run, backlog);
    }

    MonitorState with(SessionStats s, ReaderStatus r, UiState u) {
        return new MonitorState(s, r, u, clock, idleMillis, prices, views, run, backlog);
    }

    MonitorState with(Views v) {
        return new MonitorState(session, reader, ui, clock, idleMillis, prices, v, run, backlog);
    }
}
