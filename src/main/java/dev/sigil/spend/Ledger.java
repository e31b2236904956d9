package dev.sigil.spend;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.sigil.contract.event.CountedTokens;
import dev.sigil.contract.event.EventTime;
import dev.sigil.contract.event.LogEvent;

/**
 * Reads lines after the fact, as the monitor reads them live: each line's session (the one it names, else its
 * file's), the tokens it adds to that session by the one counting rule ({@link CountedTokens}: a restated total
 * counts once), and its price at its own time. The lines of a session must come in their order (rotated parts
 * first). A line without a readable time is priced at the newest time its session had, else at {@code undated}.
 * Not thread-safe.
 */
public final class Ledger {

    /** Sessions whose running totals are kept (a total of more sessions is still exact: their counts start over). */
    static final int MAX_SESSIONS = 100_000;

    private final Prices prices;
    private final EventTime undated;
    private final Map<String, long[]> sessions = new HashMap<>();
    private long restatements;

    /**
     * @param prices how lines are priced
     * @param undated the time at which a line is priced when neither it nor its session has a readable time
     */
    public Ledger(Prices prices, EventTime undated) {
        this.prices = prices;
        this.undated = undated;
    }

    /**
     * What one line counts.
     *
     * @param event the line
     * @param session its session
     * @param counted the tokens it adds to its session (0 for a restatement, or a line with none)
     * @param price its price, empty when unpriced (or when it counts nothing)
     * @param time its time, or null when it has no readable one
     */
    public record Line(LogEvent event, String session, long counted, Optional<BigDecimal> price, EventTime time) {
    }

    /** The line {@code e} of a file whose session is {@code fileSession}. */
    public Line add(LogEvent e, String fileSession) {
        String session = Keys.session(e, fileSession);
        long[] s = sessions.get(session);
        if (s == null) {
            s = new long[] {0, Long.MIN_VALUE};
            if (sessions.size() < MAX_SESSIONS) {
                sessions.put(session, s);
            }
        }
        if (CountedTokens.restates(e, s[0])) {
            restatements++;
        }
        long counted = CountedTokens.of(e, s[0]);
        s[0] = Tally.add(s[0], counted);
        EventTime time = EventTime.parse(e.timestamp());
        if (time != null && (s[1] == Long.MIN_VALUE || time.micros() > s[1])) {
            s[1] = time.micros();
        }
        EventTime at = time != null ? time : s[1] != Long.MIN_VALUE ? new EventTime(s[1], false) : undated;
        Optional<BigDecimal> price = counted > 0 ? prices.of(e.usage(), at) : Optional.empty();
        return new Line(e, session, counted, price, time);
    }

    /** Completion lines whose tokens restated their session's total and were counted once. */
    public long restatements() {
        return restatements;
    }
}
