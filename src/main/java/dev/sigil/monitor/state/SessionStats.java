package dev.sigil.monitor.state;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import dev.sigil.config.TokenBudgetConfig;
import dev.sigil.contract.event.EventTime;
import dev.sigil.spend.SessionSpend;

/**
 * What the monitor has learnt about one session: the documented {@code SessionState} (seed 001 §4.3) with
 * docs/contract.md §4 and §9 applied to the token count, plus errors, token history and burn rate. Immutable.
 *
 * @param sessionId the session's id, as the first line that had one wrote it ("" before)
 * @param status where the session stands
 * @param start time of the latest {@code session_start}, or null
 * @param end time of the latest completion event, or null
 * @param budget the budget in tokens
 * @param budgetSource where {@code budget} came from
 * @param summedTokens tokens summed over the lines (restatements and orchestrator lines of seed 002 left out)
 * @param snapshotUsed {@code budget_snapshot.used} of the latest seed-002 line that had one, or -1
 * @param restatements {@code session_complete} lines whose tokens restated the running total and were not added
 * @param components per-component figures, in order of first appearance
 * @param recent the newest events
 * @param errors the newest events of level error or worse
 * @param history tokens over log time
 * @param burn tokens of the last minute of log time
 * @param latest time of the newest event with a readable timestamp, or null
 * @param lastLineAtMillis wall clock when the latest line arrived, or -1
 * @param statusSinceMillis wall clock when the status last changed, or -1
 * @param spending tokens and dollars per component and model, the cost burn, the dollar budget, the call tree
 */
public record SessionStats(String sessionId, Status status, EventTime start, EventTime end, long budget,
                           BudgetSource budgetSource, long summedTokens, long snapshotUsed, long restatements,
                           List<ComponentStats> components, Ring<EventRow> recent, Ring<EventRow> errors,
                           TokenHistory history, BurnWindow burn, EventTime latest, long lastLineAtMillis,
                           long statusSinceMillis, SessionSpend spending) {

    public static final int RECENT_CAPACITY = 1000;
    public static final int ERRORS_CAPACITY = 100;
    /** The bound of the recent events by their weight ({@link EventRow#weight()}), whatever their text holds. */
    public static final long RECENT_BYTES = 1L << 20;
    public static final long ERRORS_BYTES = 256L << 10;

    public SessionStats {
        components = List.copyOf(components);
    }

    /**
     * A session about which nothing is known yet: its budget is the seeds' default total until a line says otherwise
     * (the documented monitor's rule; sigil's own logs always say, in {@code session_start}).
     */
    public static SessionStats empty(Status status) {
        return new SessionStats("", status, null, null, TokenBudgetConfig.DEFAULT_TOTAL, BudgetSource.DEFAULT, 0, -1, 0, List.of(),
                Ring.empty(RECENT_CAPACITY, RECENT_BYTES, EventRow::weight),
                Ring.empty(ERRORS_CAPACITY, ERRORS_BYTES, EventRow::weight), TokenHistory.empty(), BurnWindow.empty(), null,
                -1, -1, SessionSpend.EMPTY);
    }

    /** This session with the recent list {@code r}. */
    SessionStats withRecent(Ring<EventRow> r) {
        return new SessionStats(sessionId, status, start, end, budget, budgetSource, summedTokens, snapshotUsed, restatements,
                components, r, errors, history, burn, latest, lastLineAtMillis, statusSinceMillis, spending);
    }

    /** Tokens used: the seed-002 snapshot when there is one (it is authoritative), else the sum. */
    public long tokensUsed() {
        return snapshotUsed >= 0 ? snapshotUsed : summedTokens;
    }

    /** {@code max(0, budget - used)}. */
    public long tokensRemaining() {
        return Math.max(0, budget - tokensUsed());
    }

    /**
     * Percentage of the budget used, computed as Python's {@code (used / budget) * 100} computes it: a correctly
     * rounded true division, then a float multiplication; 0 when the budget is 0.
     */
    public double budgetPercentage() {
        return percentage(tokensUsed(), budget);
    }

    /** Python's {@code (used / budget) * 100}, 0 for a budget of 0. */
    public static double percentage(long used, long budget) {
        return budget == 0 ? 0.0 : trueDivide(used, budget) * 100;
    }

    /** Python's {@code int / int}: the exact quotient rounded once to the nearest double. */
    static double trueDivide(long a, long b) {
        final long exact = 1L << 53;
        if (Math.abs(a) <= exact && Math.abs(b) <= exact) {
            return (double) a / (double) b;
        }
        return new BigDecimal(a).divide(new BigDecimal(b), new MathContext(40)).doubleValue();
    }

    /** Number of events read. */
    public long eventCount() {
        return recent.total();
    }

    /** The component with the largest total latency (the first of equals), or null: the documented rule. */
    public ComponentStats slowest() {
        ComponentStats best = null;
        for (ComponentStats c : components) {
            if (best == null || c.totalLatencyMs() > best.totalLatencyMs()) {
                best = c;
            }
        }
        return best;
    }

    /** Sum of the components' latencies, in their order (as Python's {@code sum} adds them). */
    public double totalLatencyMs() {
        double sum = 0;
        for (ComponentStats c : components) {
            sum += c.totalLatencyMs();
        }
        return sum;
    }

    /** Sum of the components' operations. */
    public long operations() {
        long n = 0;
        for (ComponentStats c : components) {
            n += c.operations();
        }
        return n;
    }

    /**
     * Elapsed seconds as the documented monitor computes them: 0 without a start; up to the end when the session
     * ended; while it runs, up to {@code now} (wall clock, in the scale of the start's kind: local for naive times);
     * when it stopped without completion, up to its newest line.
     */
    public double elapsedSeconds(Clock now) {
        if (start == null) {
            return 0.0;
        }
        if (end != null) {
            return EventTime.secondsBetween(start, end);
        }
        if (status != Status.RUNNING || now == null) {
            // stopped without completion (or no clock yet): up to the newest line, not growing
            return latest == null ? 0.0 : EventTime.secondsBetween(start, latest);
        }
        return EventTime.secondsBetween(start, now.asEventTime(start.aware()));
    }

    /**
     * Tokens per second over the last minute of log time. While the session runs, the minute ends now (so the rate
     * falls when nothing happens); once it ended, at its newest line. NaN before any timed line with tokens.
     */
    public double burnRate(Clock now) {
        if (latest == null || burn.latestSecond() == Long.MIN_VALUE) {
            return Double.NaN;
        }
        long at = latest.epochSecond();
        if (status == Status.RUNNING && now != null) {
            at = Math.max(at, now.asEventTime(latest.aware()).epochSecond());
        }
        return burn.rate(at);
    }

    /** Seconds until the budget runs out at the current burn rate; 0 when it has; NaN when no rate is known. */
    public double secondsToExhaustion(Clock now) {
        if (tokensRemaining() == 0) {
            return 0;
        }
        double rate = burnRate(now);
        return rate > 0 ? tokensRemaining() / rate : Double.NaN;
    }
}
