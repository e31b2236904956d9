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
    private final Map<String, SessionClock> sessions = new HashMap<>();
    private long sessionsLeftOut;

    /**
     * @param rules the rules (the disabled ones are not evaluated)
     * @param prices how lines are priced
     * @param undated when a line with no readable time, in a session with none either, is priced
     */
    public Evaluator(RuleSet rules, Prices prices, EventTime undated) {
        rules.enabled().forEach(r -> this.rules.add(new RuleState(r)));
        this.ledger = new Ledger(prices, undated);
        this.zone = prices.zone();
    }

    /**
     * The alerts the line {@code e} fires, in rule order.
     *
     * @param fileSession the session of its file (for a line that names none)
     * @param file the file it was read from, "" if none
     * @param number its line number there, 0 if unknown
     */
    public List<Alert> add(LogEvent e, String fileSession, String file, long number) {
        if (AlertEntry.EVENT_TYPE.equals(e.eventType())) {
            return List.of(); // what the rules wrote is not evaluated again: a log action never feeds a rule
        }
        Ledger.Line line = ledger.add(e, fileSession);
        SessionClock clock = sessions.get(line.session());
        if (clock == null) {
            if (sessions.size() >= MAX_SESSIONS) {
                sessionsLeftOut++;
                return List.of();
            }
            clock = new SessionClock();
            sessions.put(line.session(), clock);
        }
        clock.see(line, zone);
        List<Alert> fired = new ArrayList<>(0);
        for (RuleState r : rules) {
            BigDecimal value = r.offer(line, clock);
            if (value != null) {
                fired.add(new Alert(r.rule(), value, line.session(), e.timestamp(), file, number));
            }
        }
        return fired;
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

        void see(Ledger.Line line, ZoneId zone) {
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
                LocalDateTime local = LocalDateTime.ofInstant(at, zone);
                localMicros = local.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + local.getNano() / 1_000;
            }
        }

        boolean known() {
            return instantMicros != NONE;
        }
    }
}
