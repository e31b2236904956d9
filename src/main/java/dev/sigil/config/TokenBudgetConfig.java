package dev.sigil.config;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.sigil.contract.model.Component;

/**
 * The {@code token_budget} section.
 *
 * @param defaultTotal a session's budget in tokens (the hard limit)
 * @param allocations soft limit per component, in the seed's order
 * @param warningThreshold fraction of the total at which the level becomes elevated
 * @param criticalThreshold fraction at which it becomes critical
 * @param exceededThreshold fraction at which it becomes exceeded and no further step starts
 * @param usd a session's budget in US dollars, if any (the same thresholds, the same hard stop)
 */
public record TokenBudgetConfig(long defaultTotal, Map<Component, Long> allocations, double warningThreshold,
                                double criticalThreshold, double exceededThreshold, Optional<BigDecimal> usd) {

    /** The seeds' total: 256,000 tokens. */
    public static final long DEFAULT_TOTAL = 256_000;

    /** The seeds' allocations (seed 001 section 6.3), which leave a reserve of 26,000 tokens. */
    public static final Map<Component, Long> DEFAULT_ALLOCATIONS = defaultAllocations();

    public TokenBudgetConfig {
        allocations = Collections.unmodifiableMap(new LinkedHashMap<>(allocations));
    }

    /** Tokens the allocations leave for retries and for the orchestrator. */
    public long reserve() {
        return defaultTotal - allocations.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<Component, Long> defaultAllocations() {
        Map<Component, Long> m = new EnumMap<>(Component.class);
        m.put(Component.ROUTING, 10_000L);
        m.put(Component.MEMORY, 30_000L);
        m.put(Component.PLANNING, 20_000L);
        m.put(Component.REASONING, 150_000L);
        m.put(Component.CONTRACTS, 10_000L);
        m.put(Component.VALIDATION, 10_000L);
        return Collections.unmodifiableMap(m);
    }
}
