package dev.sigil.alerts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;

import dev.sigil.spend.Ledger;

/**
 * One rule's count in each session, and when it last fired there: decides whether a line fires the rule. A rule is
 * looked at only on the lines its metric counts (docs/alerts.md §3), so an alert always names a line that moved it.
 */
final class RuleState {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Rule rule;
    private final Map<String, Session> sessions = new HashMap<>();

    /** A session's window and firing history for this rule. */
    private static final class Session {
        long bucket = Long.MIN_VALUE;
        Samples samples;
        boolean fired;
        long firedMicros = Long.MIN_VALUE;
        long firedBucket = Long.MIN_VALUE;
    }

    RuleState(Rule rule) {
        this.rule = rule;
    }

    Rule rule() {
        return rule;
    }

    /** The metric's value if {@code line} fires the rule, else null. */
    BigDecimal offer(Ledger.Line line, Evaluator.SessionClock clock) {
        BigDecimal sample = sampleOf(line);
        return sample == null ? null : fold(line.session(), sample, line.event().isError(), clock);
    }

    /** The metric's value if a line of {@code session} that fails the contract fires the rule, else null. */
    BigDecimal offerInvalid(String session, Evaluator.SessionClock clock) {
        return countsInvalid(session) ? fold(session, BigDecimal.ONE, false, clock) : null;
    }

    /** Whether the rule counts the lines of {@code session} that fail the contract. */
    boolean countsInvalid(String session) {
        return rule.metric() == Metric.INVALID_LINES && (rule.scope().session() == null || rule.scope().session().equals(session));
    }

    /** What the line adds to the rule's metric, or null when the rule does not look at it (out of scope, or not counted). */
    BigDecimal sampleOf(Ledger.Line line) {
        return rule.scope().matches(line.event(), line.session()) ? sample(line) : null;
    }

    /**
     * Adds a sample to the window of {@code key} (a session, or every session together) at the time of {@code clock};
     * the metric's value if that fires the rule, else null.
     */
    BigDecimal fold(String key, BigDecimal sample, boolean error, Evaluator.SessionClock clock) {
        if (rule.window().needsTime() && !clock.known()) {
            return null;
        }
        Session s = sessions.computeIfAbsent(key, k -> new Session());
        long bucket = rule.window().bucket(clock.localMicros);
        if (s.samples == null || bucket != s.bucket) {
            s.samples = new Samples(rule.window().kind() == Window.Kind.SLIDING || rule.metric().isLatency());
            s.bucket = bucket;
        }
        s.samples.add(clock.instantMicros, sample, error);
        if (rule.window().kind() == Window.Kind.SLIDING) {
            s.samples.evictUpTo(clock.instantMicros - rule.window().micros());
        }
        BigDecimal value = value(s.samples, clock);
        if (value == null || !rule.op().holds(value, rule.threshold()) || !cooledDown(s, clock, bucket)) {
            return null;
        }
        s.fired = true;
        s.firedMicros = clock.instantMicros;
        s.firedBucket = bucket;
        return value;
    }

    /** What the line adds to the metric, or null when the metric does not count it. */
    private BigDecimal sample(Ledger.Line line) {
        boolean counted = line.counted() > 0;
        return switch (rule.metric()) {
            case COST_USD -> counted && line.price().isPresent() ? line.price().get() : null;
            case TOKENS, BUDGET_PERCENT, BUDGET_FORECAST_S -> counted ? BigDecimal.valueOf(line.counted()) : null;
            case UNPRICED_TOKENS -> counted && line.price().isEmpty() ? BigDecimal.valueOf(line.counted()) : null;
            case ERROR_COUNT -> line.event().isError() ? BigDecimal.ONE : null;
            case ERROR_RATE, EVENTS -> BigDecimal.ONE;
            case INVALID_LINES -> null; // told apart, by Evaluator.invalid
            case LATENCY_P50_MS, LATENCY_P95_MS, LATENCY_MAX_MS -> line.event().hasLatency() && Double.isFinite(line.event().latencyMs())
                    ? new BigDecimal(Double.toString(line.event().latencyMs())) : null;
        };
    }

    private BigDecimal value(Samples s, Evaluator.SessionClock clock) {
        return switch (rule.metric()) {
            case ERROR_RATE -> s.errorPercent();
            case LATENCY_P50_MS -> s.percentile(50);
            case LATENCY_P95_MS -> s.percentile(95);
            case LATENCY_MAX_MS -> s.percentile(100);
            case BUDGET_PERCENT -> clock.budget > 0 ? s.sum().multiply(HUNDRED).divide(BigDecimal.valueOf(clock.budget), MathContext.DECIMAL64) : null;
            case BUDGET_FORECAST_S -> forecast(s, clock);
            default -> s.sum();
        };
    }

    /**
     * Seconds until the session's budget is spent at the window's rate: the tokens left times the window's length
     * (from its first sample with a time, at most a sliding window's) over the window's tokens, in one division; 0
     * once spent; null without a budget, a length or tokens.
     */
    private BigDecimal forecast(Samples s, Evaluator.SessionClock clock) {
        if (clock.budget <= 0) {
            return null;
        }
        long left = clock.budget - clock.used;
        if (left <= 0) {
            return BigDecimal.ZERO;
        }
        if (!clock.known() || s.firstMicros() == Evaluator.SessionClock.NONE || s.sum().signum() <= 0) {
            return null;
        }
        long span = clock.instantMicros - s.firstMicros();
        if (rule.window().kind() == Window.Kind.SLIDING) {
            span = Math.min(span, rule.window().micros());
        }
        if (span <= 0) {
            return null;
        }
        return BigDecimal.valueOf(left).multiply(BigDecimal.valueOf(span))
                .divide(s.sum().multiply(BigDecimal.valueOf(Window.MICROS_PER_SECOND)), MathContext.DECIMAL64);
    }

    private boolean cooledDown(Session s, Evaluator.SessionClock clock, long bucket) {
        if (!s.fired) {
            return true;
        }
        long cooldown = rule.cooldownMicros();
        if (cooldown < 0) {
            return switch (rule.window().kind()) {
                case SESSION -> false;
                case HOUR, DAY -> bucket != s.firedBucket;
                case SLIDING -> clock.known() && s.firedMicros != Long.MIN_VALUE && clock.instantMicros - s.firedMicros >= rule.window().micros();
            };
        }
        return clock.known() && s.firedMicros != Long.MIN_VALUE && clock.instantMicros - s.firedMicros >= cooldown;
    }
}
