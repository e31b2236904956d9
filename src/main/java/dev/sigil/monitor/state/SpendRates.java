package dev.sigil.monitor.state;

import java.math.BigDecimal;
import java.math.MathContext;

import dev.sigil.contract.event.EventTime;
import dev.sigil.spend.SessionSpend;

/**
 * The dollar figures that depend on the clock, as {@link SessionStats#burnRate} does for tokens: the burn of the
 * last minute (ending now while the session runs) and when the dollar budget runs out at that burn. Pure.
 */
public final class SpendRates {

    private SpendRates() {
    }

    /** Dollars per minute over the last minute of log time; null before any priced line. */
    public static BigDecimal perMinute(SessionStats s, Clock now) {
        SessionSpend spend = s.spending();
        if (spend.burn().isEmpty() || s.latest() == null) {
            return null;
        }
        long at = spend.burn().latestSecond();
        if (s.status() == Status.RUNNING && now != null) {
            at = Math.max(at, now.asEventTime(s.latest().aware()).epochSecond());
        }
        return spend.burn().perMinute(at);
    }

    /** Dollars left of the dollar budget (0 once spent); null without a dollar budget. */
    public static BigDecimal remaining(SessionStats s) {
        SessionSpend spend = s.spending();
        return spend.hasBudgetUsd() ? spend.budgetUsd().subtract(spend.total().usd()).max(BigDecimal.ZERO) : null;
    }

    /** Percent of the dollar budget spent; NaN without a budget, 0 for a budget of 0 with nothing spent. */
    public static double percentUsed(SessionStats s) {
        SessionSpend spend = s.spending();
        if (!spend.hasBudgetUsd()) {
            return Double.NaN;
        }
        if (spend.budgetUsd().signum() == 0) {
            return spend.total().usd().signum() == 0 ? 0 : 100;
        }
        return spend.total().usd().multiply(BigDecimal.valueOf(100)).divide(spend.budgetUsd(), MathContext.DECIMAL64).doubleValue();
    }

    /**
     * Seconds until the dollar budget runs out at the burn of the last minute: 0 once it has, NaN without a budget
     * or without spending in the last minute.
     */
    public static double secondsToBudget(SessionStats s, Clock now) {
        BigDecimal left = remaining(s);
        if (left == null) {
            return Double.NaN;
        }
        if (left.signum() == 0) {
            return 0;
        }
        BigDecimal rate = perMinute(s, now);
        return rate == null || rate.signum() == 0 ? Double.NaN
                : left.multiply(BigDecimal.valueOf(60)).divide(rate, MathContext.DECIMAL64).doubleValue();
    }
}
