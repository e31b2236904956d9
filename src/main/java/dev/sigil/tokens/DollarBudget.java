package dev.sigil.tokens;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.Metadata;
import dev.sigil.cost.Money;

/**
 * A session's budget in US dollars, beside its token budget, with the same warning levels and the same hard stop:
 * {@link #record} adds what a finished step cost (however much), {@link #canContinue} says whether the next step may
 * start. Unpriced tokens cost nothing here, so they are shown apart and never stop a run: a dollar budget bounds
 * what is known to be spent. Money is BigDecimal. Thread-safe.
 */
public final class DollarBudget {

    private final BigDecimal total;
    private final Thresholds thresholds;
    private BigDecimal spent = BigDecimal.ZERO;

    public DollarBudget(BigDecimal total, Thresholds thresholds) {
        if (total.signum() <= 0) {
            throw new IllegalArgumentException("a dollar budget must be more than 0, got " + total.toPlainString());
        }
        this.total = total;
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    public BigDecimal total() {
        return total;
    }

    public synchronized BigDecimal spent() {
        return spent;
    }

    public synchronized WarningLevel level() {
        return thresholds.levelOf(spent, total);
    }

    /** Whether the next step may start: the level is below {@link WarningLevel#EXCEEDED}. */
    public synchronized boolean canContinue() {
        return level() != WarningLevel.EXCEEDED;
    }

    /** Adds {@code usd}, what a finished operation cost; the alert when the level changed. */
    public synchronized Optional<Alert> record(BigDecimal usd) {
        if (usd.signum() < 0) {
            throw new IllegalArgumentException("a cost must not be negative, got " + usd.toPlainString());
        }
        WarningLevel before = level();
        spent = spent.add(usd);
        WarningLevel after = level();
        return after == before ? Optional.empty() : Optional.of(new Alert(before, after, spent, total));
    }

    /**
     * The dollar budget's level changed.
     *
     * @param previous the level before
     * @param level the level now
     * @param spent dollars spent
     * @param total the budget
     */
    public record Alert(WarningLevel previous, WarningLevel level, BigDecimal spent, BigDecimal total) {

        /** One line for people: {@code cost budget elevated: $2.51 of $5.00 spent (50.2%)}. */
        public String message() {
            String verdict = level == WarningLevel.EXCEEDED ? " (no further step will start)" : "";
            return "cost budget " + level.wireName() + ": " + Money.brief(spent) + " of " + Money.brief(total) + " spent ("
                    + percent() + ")" + verdict;
        }

        private String percent() {
            return spent.multiply(BigDecimal.valueOf(100)).divide(total, 1, java.math.RoundingMode.HALF_EVEN).toPlainString() + "%";
        }

        /** The log entry: {@code budget_warning} or {@code budget_exceeded} with the dollars as numbers. */
        public BudgetLogEntry logEntry() {
            Metadata m = Metadata.builder().warningLevel(level.wireName()).put("previous_level", previous.wireName())
                    .put("budget_usd", BudgetLogEntry.dollars(total)).put("cost_usd", BudgetLogEntry.dollars(spent)).build();
            return new BudgetLogEntry(level == WarningLevel.EXCEEDED ? EventType.BUDGET_EXCEEDED : EventType.BUDGET_WARNING,
                    Component.ORCHESTRATOR, message(), m);
        }
    }
}
