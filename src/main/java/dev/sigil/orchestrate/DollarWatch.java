package dev.sigil.orchestrate;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Consumer;

import dev.sigil.cost.Money;
import dev.sigil.tokens.BudgetLogEntry;
import dev.sigil.tokens.DollarBudget;
import dev.sigil.tokens.Thresholds;
import dev.sigil.tokens.WarningLevel;

/**
 * A run's dollar budget ({@code --budget-usd}, {@code token_budget.usd}), kept equal to what the log's lines cost as
 * its readers price them ({@link SessionSums}): after each step the new dollars are added and a level change is
 * alerted; before each step it says whether the run may go on. Without a dollar budget it never stops anything.
 * Not thread-safe: the pipeline's thread uses it.
 */
final class DollarWatch {

    private final Optional<DollarBudget> budget;
    private final SessionSums sums;
    private final Consumer<DollarBudget.Alert> alerts;
    private boolean exceededAlerted;

    DollarWatch(Optional<BigDecimal> usd, Thresholds thresholds, SessionSums sums, Consumer<DollarBudget.Alert> alerts) {
        this.budget = usd.map(total -> new DollarBudget(total, thresholds));
        this.sums = sums;
        this.alerts = alerts;
    }

    /** What earlier runs spent (on a resume) counts again, without alerts: they were given when it was spent. */
    void seed() {
        budget.ifPresent(b -> b.record(sums.total().usd().subtract(b.spent()).max(BigDecimal.ZERO)));
    }

    /** After a step: its dollars (and those of its retries) added; the alert if the level changed. */
    void afterStep() {
        if (budget.isEmpty()) {
            return;
        }
        DollarBudget b = budget.get();
        b.record(sums.total().usd().subtract(b.spent()).max(BigDecimal.ZERO)).ifPresent(a -> {
            exceededAlerted |= a.level() == WarningLevel.EXCEEDED;
            alerts.accept(a);
        });
    }

    boolean canContinue() {
        return budget.map(DollarBudget::canContinue).orElse(true);
    }

    /** Whether the exhaustion was already alerted (else the run writes budget_exceeded itself). */
    boolean exceededAlerted() {
        return exceededAlerted;
    }

    BudgetLogEntry exhausted() {
        DollarBudget b = budget.orElseThrow();
        return BudgetLogEntry.dollarsExhausted(b.spent(), b.total());
    }

    String exhaustedMessage(String next) {
        DollarBudget b = budget.orElseThrow();
        return "cost budget exhausted: " + Money.brief(b.spent()) + " of " + Money.brief(b.total()) + " spent; stopped before " + next;
    }

    Optional<BigDecimal> total() {
        return budget.map(DollarBudget::total);
    }
}
