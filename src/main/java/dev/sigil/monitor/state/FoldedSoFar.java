package dev.sigil.monitor.state;

import java.util.List;

import dev.sigil.contract.event.LogEvent;
import dev.sigil.spend.Prices;

/**
 * The backlog's fold so far, made on the reader's thread (ADR 0205): the session as the lines read so far make it,
 * folded by the same {@link SessionFold} the reducer uses, and what the reader saw of those lines since the last fold
 * the render thread took (lines skipped, lines of no known format, the format found). The session replaces the
 * state's; the counts are added to the reader's. Immutable.
 *
 * @param session the fold of the backlog's lines read so far (cumulative)
 * @param lines the events folded since the last fold taken (0: none, the reader's status is left as it is)
 * @param malformed lines skipped as not JSON since the last fold taken
 * @param tooLong lines skipped as too long since then
 * @param invalidUtf8 lines with invalid UTF-8 since then
 * @param unrecognised events of no known format since then
 * @param format the format of the newest recognised event, "" when none since then
 */
public record FoldedSoFar(SessionStats session, long lines, long malformed, long tooLong, long invalidUtf8, long unrecognised,
                          String format) {

    /** Nothing folded yet: the session of a log whose file was found and whose lines are still to come. */
    public static FoldedSoFar start() {
        return new FoldedSoFar(SessionStats.empty(Status.WAITING), 0, 0, 0, 0, 0, "");
    }

    /** This fold with {@code events} (read at {@code positions}, one per event or none) folded at {@code atMillis}. */
    public FoldedSoFar plus(List<LogEvent> events, List<MonitorAction.Position> positions, long atMillis, Prices prices) {
        if (events.isEmpty()) {
            return this;
        }
        return counted(events, SessionFold.apply(session, events, atMillis, positions, prices));
    }

    private FoldedSoFar counted(List<LogEvent> events, SessionStats next) {
        long more = 0;
        String latest = format;
        for (LogEvent e : events) {
            if (e.unrecognised()) {
                more++;
            } else {
                latest = e.format();
            }
        }
        return new FoldedSoFar(next, Counts.add(lines, events.size()),
                malformed, tooLong, invalidUtf8, Counts.add(unrecognised, more), latest);
    }

    /**
     * This fold with {@code events} folded as {@link #plus} folds them but with no rows for the recent list (ADR 0250):
     * its recent list is left as it is, {@code unrowed} events behind, until {@link #withNewest} makes the rows of the
     * newest. Errors are numbered as if those rows were there.
     */
    public FoldedSoFar plusCounting(List<LogEvent> events, List<MonitorAction.Position> positions, long atMillis, Prices prices,
                                    long unrowed) {
        if (events.isEmpty()) {
            return this;
        }
        return counted(events, SessionFold.count(session, events, atMillis, positions, prices, unrowed));
    }

    /**
     * This fold's recent list after {@code added} events folded by {@link #plusCounting}, of which {@code newest} (one
     * position each) are the last, at least {@code min(added, capacity)} of them: the rows those make.
     */
    public FoldedSoFar withNewest(List<LogEvent> newest, List<MonitorAction.Position> positions, long added) {
        return new FoldedSoFar(SessionFold.withNewest(session, newest, positions, added), lines, malformed, tooLong, invalidUtf8,
                unrecognised, format);
    }

    /** This fold with lines skipped or read with invalid UTF-8 (the counts of {@link MonitorAction.LineProblems}). */
    public FoldedSoFar skipped(long malformedMore, long tooLongMore, long invalidUtf8More) {
        return new FoldedSoFar(session, lines, Counts.add(malformed, malformedMore), Counts.add(tooLong, tooLongMore),
                Counts.add(invalidUtf8, invalidUtf8More), unrecognised, format);
    }

    /** The same session with the reader's counts taken: what the next fold adds to the reader's status. */
    public FoldedSoFar taken() {
        return new FoldedSoFar(session, 0, 0, 0, 0, 0, "");
    }

    /** {@code later}, a fold made after this one, with this one's counts added: one fold where two waited. */
    FoldedSoFar then(FoldedSoFar later) {
        return new FoldedSoFar(later.session, Counts.add(lines, later.lines), Counts.add(malformed, later.malformed),
                Counts.add(tooLong, later.tooLong), Counts.add(invalidUtf8, later.invalidUtf8),
                Counts.add(unrecognised, later.unrecognised), later.format.isEmpty() ? format : later.format);
    }

    /** The memory this fold holds beyond what every state holds, as the action queue weighs it: its rows. */
    public long weight() {
        return session.recent().bytes() + session.errors().bytes();
    }
}
