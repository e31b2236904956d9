package dev.sigil.monitor.state;

import java.util.List;

import dev.sigil.contract.event.EventTime;
import dev.sigil.contract.event.LogEvent;

/**
 * The one function that changes the monitor: {@code update(state, action)} is pure and total (every action on every
 * state gives a state and the effects it asks for; nothing is thrown, nothing is read from outside). Keys are handled
 * in {@link KeyReducer}; only they ask for effects.
 */
public final class Reducer {

    private Reducer() {
    }

    /** The new state and the effects it asks for. */
    public static Update update(MonitorState state, MonitorAction action) {
        if (action instanceof MonitorAction.Key k) {
            return KeyReducer.key(state, k.command());
        }
        MonitorState next = reduce(state, action);
        if (action instanceof MonitorAction.BacklogFolded f && f.done() && !f.checkpoint().isEmpty() && state.backlog().pending()
                && next.session().status().isFinished()) {
            return Update.of(next, new Effect.KeepFold(f.checkpoint(), SavedFold.of(next)));
        }
        return Update.of(next);
    }

    /** The new state, the effects left out (what the stream displays and tests need). */
    public static MonitorState reduce(MonitorState state, MonitorAction action) {
        if (action instanceof MonitorAction.LinesAppended a) {
            return appended(state, a);
        }
        if (action instanceof MonitorAction.Tick t) {
            return tick(state, t);
        }
        if (action instanceof MonitorAction.Key k) {
            return KeyReducer.key(state, k.command()).state();
        }
        if (action instanceof MonitorAction.TypeChar c) {
            return KeyReducer.type(state, c.codePoint());
        }
        return fileOrTerminal(state, action);
    }

    /** Reduces a sequence of actions in order. */
    public static MonitorState reduceAll(MonitorState state, List<? extends MonitorAction> actions) {
        MonitorState s = state;
        for (MonitorAction a : actions) {
            s = reduce(s, a);
        }
        return s;
    }

    private static MonitorState fileOrTerminal(MonitorState s, MonitorAction action) {
        if (action instanceof MonitorAction.SourceOpened o) {
            SessionStats session = s.session().status() == Status.INITIAL ? withStatus(s.session(), Status.WAITING, s) : s.session();
            return s.with(session, s.reader().opened(o.source()), s.ui());
        }
        if (action instanceof MonitorAction.LineProblems k) {
            return s.with(s.session(), s.reader().plusSkipped(k.malformed(), k.tooLong(), k.invalidUtf8()), s.ui());
        }
        if (action instanceof MonitorAction.Truncated) {
            return s.with(SessionStats.empty(Status.WAITING), s.reader().truncated("log truncated: read again from its start"),
                    s.ui().reset()).with(Backlog.NONE);
        }
        if (action instanceof MonitorAction.Rotated) {
            return s.with(s.session(), s.reader().rotated("log rotated: following the new file"), s.ui());
        }
        if (action instanceof MonitorAction.Replaced r) {
            return s.with(SessionStats.empty(Status.WAITING), s.reader().replaced(r.source(), "now following " + r.source()),
                    s.ui().reset()).with(Backlog.NONE);
        }
        if (action instanceof MonitorAction.Notice n) {
            return s.with(s.session(), s.reader().withNotice(n.text()), s.ui());
        }
        if (action instanceof MonitorAction.EndOfInput) {
            SessionStats session = s.session().status() == Status.RUNNING ? withStatus(s.session(), Status.INCOMPLETE, s) : s.session();
            return s.with(session, s.reader().ended(), s.ui()).with(Backlog.NONE);
        }
        if (action instanceof MonitorAction.SessionsListed l) {
            int index = Math.max(0, Math.min(s.ui().pickerIndex(), l.sessions().size() - 1));
            return s.with(s.session(), s.reader(), s.ui().withPicker(s.ui().picker(), l.sessions(), index));
        }
        if (action instanceof MonitorAction.SessionSwitched w) {
            return s.with(SessionStats.empty(Status.INITIAL), ReaderStatus.initial(w.source(), s.reader().following()),
                    s.ui().reset()).with(Backlog.NONE);
        }
        if (action instanceof MonitorAction.EntryRead e) {
            EntryView open = s.ui().detail();
            if (open == null || open.seq() != e.seq()) {
                return s; // closed meanwhile, or another entry opened
            }
            return s.withUi(s.ui().withDetail(new EntryView(e.seq(), e.where(), e.lines(), e.problem(), 0)));
        }
        if (action instanceof MonitorAction.HistoryLoaded h) {
            return s.with(s.views().withHistory(h.history()));
        }
        if (action instanceof MonitorAction.BacklogFound b) {
            return s.with(Backlog.of(b.bytes(), b.newest(), b.positions()));
        }
        if (action instanceof MonitorAction.BacklogFolded f) {
            s = f.fold() == null ? s : foldedSoFar(s, f.fold());
            Backlog next = s.backlog().folded(f.bytes(), f.done());
            MonitorState t = s.with(next);
            return next.pending() || !s.backlog().pending() ? t : t.withUi(s.ui().withScroll(clampScroll(s.ui().scroll(), t)));
        }
        if (action instanceof MonitorAction.FoldRestored r) {
            return restored(s, r.fold());
        }
        if (action instanceof MonitorAction.RunEnded) {
            return s.run() == Run.NONE ? s : s.withRun(Run.ENDED).withUi(s.ui().withConfirmQuit(false));
        }
        if (action instanceof MonitorAction.Resize r) {
            return s.with(s.session(), s.reader(), s.ui().withSize(Math.max(1, r.width()), Math.max(1, r.height())));
        }
        return s; // every action type is handled above; a new one must be added here
    }

    private static MonitorState appended(MonitorState s, MonitorAction.LinesAppended a) {
        if (a.events().isEmpty()) {
            return s;
        }
        SessionStats before = s.session();
        String firstId = a.events().get(0).sessionId();
        if (s.reader().rotationPending() && !before.sessionId().isEmpty() && !firstId.isEmpty()
                && !firstId.equals(before.sessionId())) {
            // the name now leads to another session's log (current.jsonl moved on): start over
            before = SessionStats.empty(Status.WAITING);
            s = s.with(before, s.reader().withNotice("another session: " + firstId), s.ui().reset());
        }
        SessionStats after = SessionFold.apply(before, a.events(), a.atMillis(), a.positions(), s.prices());
        UiState ui = s.ui();
        if (!ui.paused() && ui.scroll() > 0 && !s.showsNewest()) {
            // keep the rows on screen still while new ones arrive below
            List<EventRow> rows = after.recent().items();
            int added = 0;
            EventFilter filter = s.filter();
            for (int i = rows.size() - 1; i >= 0 && rows.get(i).seq() > before.recent().total(); i--) {
                added += filter.matches(rows.get(i)) ? 1 : 0;
            }
            ui = ui.withScroll(clampScroll(ui.scroll() + added, s.with(after, s.reader(), ui)));
        }
        if (!before.status().isFinished() && after.status().isFinished()) {
            ui = ui.withSummaryDismissed(false);
        }
        long unrecognised = 0;
        String format = "";
        for (LogEvent e : a.events()) {
            if (e.unrecognised()) {
                unrecognised++;
            } else {
                format = e.format();
            }
        }
        return s.with(after, s.reader().lineRead().read(unrecognised, format), ui);
    }

    /**
     * The backlog's fold made on the reader's thread (ADR 0205): its session replaces the state's (it is the fold of the
     * same lines from the same start), its counts are added to the reader's, as {@link #appended} would have.
     */
    private static MonitorState foldedSoFar(MonitorState s, FoldedSoFar f) {
        ReaderStatus reader = s.reader().plusSkipped(f.malformed(), f.tooLong(), f.invalidUtf8());
        if (f.lines() == 0) {
            return s.with(s.session(), reader, s.ui());
        }
        UiState ui = s.ui();
        if (!s.session().status().isFinished() && f.session().status().isFinished()) {
            ui = ui.withSummaryDismissed(false);
        }
        return s.with(f.session(), reader.lineRead().read(f.unrecognised(), f.format()), ui);
    }

    private static MonitorState tick(MonitorState s, MonitorAction.Tick t) {
        Clock clock = new Clock(t.epochMillis(), t.utcOffsetSeconds());
        MonitorState next = s.with(clock);
        SessionStats session = s.session();
        if (session.status() == Status.RUNNING && s.reader().following() && session.lastLineAtMillis() >= 0
                && (t.epochMillis() - session.lastLineAtMillis() >= s.idleMillis() || wroteLongAgo(session, t.epochMillis(), s.idleMillis()))) {
            return next.with(withStatus(session, Status.INCOMPLETE, next), s.reader(), s.ui());
        }
        return next;
    }

    /** The whole log's fold, from its checkpoint: the session and the reader's counts, the backlog done. */
    private static MonitorState restored(MonitorState s, SavedFold f) {
        ReaderStatus r = s.reader().plusSkipped(f.malformed(), f.tooLong(), f.invalidUtf8()).read(f.unrecognised(), f.format());
        return s.with(f.session(), r.lineRead(), s.ui()).with(Backlog.NONE);
    }

    /** Quiet for a moment after the lines read, once the file has stopped growing. */
    static final long QUIET_MILLIS = 2_000;

    /**
     * Whether a session with no start line (a producer that writes no session events: a Claude Code transcript, a
     * pino log) was last written longer ago than the idle time, by its newest line's own time (with an offset, so
     * that it can be compared with the clock), and nothing was read for {@link #QUIET_MILLIS}: an old file opened now
     * is not running, and need not wait the idle time to say so (docs/formats.md §8).
     */
    private static boolean wroteLongAgo(SessionStats session, long nowMillis, long idleMillis) {
        EventTime latest = session.latest();
        return session.start() == null && latest != null && latest.aware() && nowMillis - session.lastLineAtMillis() >= QUIET_MILLIS
                && nowMillis - Math.floorDiv(latest.micros(), 1000L) >= idleMillis;
    }

    static SessionStats withStatus(SessionStats x, Status status, MonitorState s) {
        long since = s.clock() == null ? x.statusSinceMillis() : s.clock().epochMillis();
        return new SessionStats(x.sessionId(), status, x.start(), x.end(), x.budget(), x.budgetSource(), x.summedTokens(),
                x.snapshotUsed(), x.restatements(), x.components(), x.recent(), x.errors(), x.history(), x.burn(),
                x.latest(), x.lastLineAtMillis(), since, x.spending());
    }

    /** A scroll position kept within the visible events. */
    static int clampScroll(int scroll, MonitorState s) {
        int max = Math.max(0, s.visibleEvents().size() - 1);
        return Math.max(0, Math.min(scroll, max));
    }
}
