package dev.sigil.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.sigil.contract.event.EventTime;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.spend.Ledger;
import dev.sigil.spend.Prices;

/**
 * Folds lines into the alerts they fire, deterministically: the same lines in the same order give the same alerts,
 * whether read back from a file or followed live. Each line is counted and priced once, by the {@link Ledger} (the
 * path {@code sigil report} and the monitor take), and then offered to every enabled rule. Every window and cooldown
 * is per session, in log time (docs/alerts.md §3). The lines of a session must come in their order; sessions may
 * interleave. Alert entries (the {@code log} action's) are passed over, so a log with them fires what it fired
 * without them. Not thread-safe.
 */
public final class Evaluator {

    /** Sessions whose rule states are kept; lines of further sessions fire nothing (said by {@link #sessionsLeftOut}). */
    static final int MAX_SESSIONS = 10_000;

    private final List<RuleState> rules = new ArrayList<>();
    private final Ledger ledger;
    private final ZoneId zone;
    private final AcrossSessions across;
    private final Map<String, SessionClock> sessions = new HashMap<>();
    private boolean merging;
    private AcrossSessions.Key last;
    private final List<AcrossSessions.Released> early = new ArrayList<>();
    private long sessionsLeftOut;
    private final boolean countsInvalid;
    /** The session of each file's last line added (a line that fails the contract is of that session). */
    private final Map<String, String> fileSessions = new HashMap<>();

    /**
     * @param rules the rules (the disabled ones are not evaluated)
     * @param prices how lines are priced
     * @param undated when a line with no readable time, in a session with none either, is priced
     */
    public Evaluator(RuleSet rules, Prices prices, EventTime undated) {
        List<RuleState> all = new ArrayList<>();
        for (Rule r : rules.enabled()) {
            (r.scope().allSessions() ? all : this.rules).add(new RuleState(r));
        }
        this.across = all.isEmpty() ? null : new AcrossSessions(all);
        this.countsInvalid = rules.enabled().stream().anyMatch(r -> r.metric() == Metric.INVALID_LINES);
        this.ledger = new Ledger(prices, undated);
        this.zone = prices.zone();
    }

    /**
     * From now on, the lines of the rules over all sessions are held until {@link #release} says nothing earlier
     * can come, instead of being folded in the order they come (right for one log read in order: the monitor's,
     * a run's). A replay and a watch of several logs merge them.
     */
    Evaluator merging() {
        merging = true;
        return this;
    }

    /** Whether some rule is over all sessions (its lines are merged in time order). */
    public boolean acrossSessions() {
        return across != null;
    }

    /**
     * The alerts the line {@code e} fires, in rule order.
     *
     * @param fileSession the session of its file (for a line that names none)
     * @param file the file it was read from, "" if none
     * @param number its line number there, 0 if unknown
     */
    public List<Alert> add(LogEvent e, String fileSession, String file, long number) {
        return add(e, fileSession, file, number, number);
    }

    /**
     * The alerts of the rules of each session that the line {@code e} fires, in rule order; those of the rules over
     * all sessions come from {@link #release} when {@link #merging}, else with these.
     *
     * @param ordinal where the line is among its file's lines for the caller (it breaks ties in the merged order, and
     *        {@link #heldFrom} answers in it)
     */
    public List<Alert> add(LogEvent e, String fileSession, String file, long number, long ordinal) {
        if (AlertEntry.EVENT_TYPE.equals(e.eventType())) {
            return List.of(); // what the rules wrote is not evaluated again: a log action never feeds a rule
        }
        Ledger.Line line = ledger.add(e, fileSession);
        SessionClock clock = clockOf(line.session());
        if (clock == null) {
            return List.of();
        }
        clock.see(line, zone);
        if (countsInvalid && !line.session().equals(fileSessions.get(file))) {
            fileSessions.put(file, line.session());
        }
        last = new AcrossSessions.Key(clock.instantMicros, line.session(), file, number, ordinal);
        List<Alert> fired = new ArrayList<>(0);
        for (RuleState r : rules) {
            BigDecimal value = r.offer(line, clock);
            if (value != null) {
                fired.add(new Alert(r.rule(), value, line.session(), e.timestamp(), file, number));
            }
        }
        if (across != null) {
            List<AcrossSessions.Released> folded = across.hold(line, clock, last, e.timestamp() == null ? "" : e.timestamp());
            if (!merging) {
                across.release(Long.MAX_VALUE).forEach(r -> fired.add(r.alert()));
            } else {
                early.addAll(folded);
            }
        }
        return fired;
    }

    /** Whether some rule counts the lines that fail the contract: only then need a reader tell {@link #invalid}. */
    public boolean countsInvalid() {
        return countsInvalid;
    }

    /**
     * The alerts of the rules of {@code invalid_lines} that a line failing the contract fires (docs/alerts.md §2):
     * it is of the session of the file's last line before it ({@code fileSession} if none), placed at that session's
     * newest time, and its alerts carry the timestamp of the
     * session's newest readable line (none yet: {@code ""}). Told before the line's own events, if it has any.
     *
     * @param number its line number in {@code file}
     * @param ordinal as for {@link #add(LogEvent, String, String, long, long)}
     */
    public List<Alert> invalid(String fileSession, String file, long number, long ordinal) {
        if (!countsInvalid) {
            return List.of();
        }
        String session = fileSessions.getOrDefault(file, fileSession);
        SessionClock clock = clockOf(session);
        if (clock == null) {
            return List.of();
        }
        last = new AcrossSessions.Key(clock.instantMicros, session, file, number, ordinal);
        String timestamp = clock.timestamp == null ? "" : clock.timestamp;
        List<Alert> fired = new ArrayList<>(0);
        for (RuleState r : rules) {
            BigDecimal value = r.offerInvalid(session, clock);
            if (value != null) {
                fired.add(new Alert(r.rule(), value, session, timestamp, file, number));
            }
        }
        if (across != null) {
            List<AcrossSessions.Released> folded = across.holdInvalid(clock, last, timestamp);
            if (!merging) {
                across.release(Long.MAX_VALUE).forEach(r -> fired.add(r.alert()));
            } else {
                early.addAll(folded);
            }
        }
        return fired;
    }

    private SessionClock clockOf(String session) {
        SessionClock clock = sessions.get(session);
        if (clock == null) {
            if (sessions.size() >= MAX_SESSIONS) {
                sessionsLeftOut++;
                return null;
            }
            clock = new SessionClock();
            sessions.put(session, clock);
        }
        return clock;
    }

    /** Where the last line added is in the merged order (its session's newest time, session, file, line). */
    AcrossSessions.Key lastKey() {
        return last;
    }

    /**
     * The alerts of the rules over all sessions for the held lines whose time is before {@code micros}
     * ({@link Long#MAX_VALUE}: every held line), in the merged order, with where each line is.
     */
    List<AcrossSessions.Released> release(long micros) {
        List<AcrossSessions.Released> out = new ArrayList<>(early);
        early.clear();
        if (across != null) {
            out.addAll(across.release(micros));
        }
        return out;
    }

    /** The first ordinal of each file's lines still held, whose alerts are not known yet (files with none left out). */
    Map<String, Long> heldFrom() {
        return across == null ? Map.of() : across.heldFrom();
    }

    /** Lines the rules over all sessions folded after a line later in the merged order (docs/alerts.md §3). */
    long late() {
        return across == null ? 0 : across.late();
    }

    /** Lines of sessions beyond {@link #MAX_SESSIONS}, which no rule saw. */
    public long sessionsLeftOut() {
        return sessionsLeftOut;
    }

    /**
     * A session's sense of time: its newest readable time (a line without one is placed there), and the budget its
     * lines state.
     */
    static final class SessionClock {
        static final long NONE = Long.MIN_VALUE;
        long instantMicros = NONE;
        long localMicros = NONE;
        long budget = -1;
        long used;
        /** The timestamp, as written, of the line that gave {@link #instantMicros}; null before. */
        String timestamp;

        void see(Ledger.Line line, ZoneId zone) {
            used += line.counted();
            if (line.event().budget() > 0) {
                budget = line.event().budget();
            }
            EventTime t = line.time();
            if (t == null) {
                return;
            }
            Instant at = t.toInstant(zone);
            long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
            if (instantMicros == NONE || micros >= instantMicros) {
                instantMicros = micros;
                timestamp = line.event().timestamp();
                LocalDateTime local = LocalDateTime.ofInstant(at, zone);
                localMicros = local.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + local.getNano() / 1_000;
            }
        }

        boolean known() {
            return instantMicros != NONE;
        }
    }
}
