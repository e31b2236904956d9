package dev.sigil.tokens;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.sigil.config.TokenBudgetConfig;
import dev.sigil.contract.model.Component;

/**
 * What a session may spend: a total (the hard limit), a soft allocation per component, and the thresholds of the
 * warning levels. What the allocations leave of the total is the reserve, for retries and for components without an
 * allocation (the orchestrator).
 *
 * @param total tokens the session may spend, at least 1
 * @param allocations soft limit per component, in the order given; components not listed have none
 * @param thresholds where the warning levels start
 * @param usd the budget in US dollars, if the session has one (the same thresholds and hard stop)
 */
public record BudgetPlan(long total, Map<Component, Long> allocations, Thresholds thresholds, Optional<BigDecimal> usd) {

    /** The seeds' default total: 256,000 tokens (a full context window). */
    public static final long DEFAULT_TOTAL = TokenBudgetConfig.DEFAULT_TOTAL;

    /** The seeds' default allocations (seed 001 section 6.3); 26,000 tokens remain as reserve. */
    public static final Map<Component, Long> DEFAULT_ALLOCATIONS = TokenBudgetConfig.DEFAULT_ALLOCATIONS;

    /** A plan without a dollar budget. */
    public BudgetPlan(long total, Map<Component, Long> allocations, Thresholds thresholds) {
        this(total, allocations, thresholds, Optional.empty());
    }

    public BudgetPlan {
        Objects.requireNonNull(usd, "usd");
        if (usd.isPresent() && usd.get().signum() <= 0) {
            throw new IllegalArgumentException("a dollar budget must be more than 0, got " + usd.get().toPlainString());
        }
        if (total < 1) {
            throw new IllegalArgumentException("a budget's total must be at least 1 token, got " + total);
        }
        Objects.requireNonNull(thresholds, "thresholds");
        LinkedHashMap<Component, Long> copy = new LinkedHashMap<>();
        allocations.forEach((component, tokens) -> {
            if (tokens < 0) {
                throw new IllegalArgumentException(component.wireName() + "'s allocation must not be negative, got " + tokens);
            }
            copy.put(Objects.requireNonNull(component), tokens);
        });
        allocations = Collections.unmodifiableMap(copy);
    }

    /** The seeds' plan: 256,000 tokens, the default allocations and thresholds. */
    public static BudgetPlan defaults() {
        return new BudgetPlan(DEFAULT_TOTAL, DEFAULT_ALLOCATIONS, Thresholds.DEFAULT);
    }

    /** Tokens left after the allocations (negative when the allocations add up to more than the total). */
    public long reserve() {
        long sum = 0;
        for (long tokens : allocations.values()) {
            sum += tokens;
        }
        return total - sum;
    }

    /** The plan of a configuration's {@code token_budget} section. */
    public static BudgetPlan of(TokenBudgetConfig config) {
        return new BudgetPlan(config.defaultTotal(), config.allocations(),
                new Thresholds(config.warningThreshold(), config.criticalThreshold(), config.exceededThreshold()), config.usd());
    }
}
