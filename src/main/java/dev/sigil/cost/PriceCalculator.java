package dev.sigil.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * genai-prices' {@code calcPrice} in decimal arithmetic. The usage is split into the parts the model prices: each
 * priced unit keeps what is not counted by a priced part of it (input tokens without the cache reads and writes when
 * those have their own price, cache writes without the one-hour writes when those do), and each part pays its rate,
 * the rate of its tier by the call's input tokens when tiered, per its unit; a per-request fee is paid once. Money is
 * BigDecimal throughout. Pure and thread-safe.
 */
public final class PriceCalculator {

    /** Enough digits for any quotient the units need (their sizes are powers of ten, and 3600 seconds). */
    private static final MathContext MONEY = MathContext.DECIMAL128;

    private final PriceCatalog catalog;

    public PriceCalculator(PriceCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The cost of {@code usage} (genai-prices usage keys: input_tokens, cache_read_tokens, ...; absent keys are 0)
     * for {@code model} at {@code at}, or empty when the model has no price: unpriced, never $0.
     *
     * @throws IllegalArgumentException when the usage cannot be split (a part larger than what it is part of)
     */
    public Optional<Cost> price(Map<String, Long> usage, String model, Instant at) {
        Lookup lookup = catalog.find(model);
        return lookup.found() ? Optional.of(price(usage, lookup, at)) : Optional.empty();
    }

    /** The cost of {@code usage} with the model {@code lookup} found. */
    public Cost price(Map<String, Long> usage, Lookup lookup, Instant at) {
        ModelPrice model = lookup.model().orElseThrow();
        int index = model.priceIndexAt(at);
        PriceSet prices = model.prices().get(index).prices();
        Units units = catalog.units();
        List<Map.Entry<Unit, Rate>> priced = new ArrayList<>();
        prices.rates().forEach((key, rate) -> units.byPriceKey(key).ifPresent(u -> priced.add(Map.entry(u, rate))));
        Map<String, Long> counts = counts(priced, usage);
        long tierBasis = prices.tiered() ? usage.getOrDefault("input_tokens", 0L) : 0;
        List<Cost.Part> parts = new ArrayList<>();
        BigDecimal input = BigDecimal.ZERO;
        BigDecimal output = BigDecimal.ZERO;
        BigDecimal other = BigDecimal.ZERO;
        for (Map.Entry<Unit, Rate> e : priced) {
            Unit unit = e.getKey();
            long count = counts.getOrDefault(unit.usageKey(), 0L);
            BigDecimal rate = e.getValue().at(tierBasis);
            BigDecimal cost = count == 0 ? BigDecimal.ZERO : rate.multiply(BigDecimal.valueOf(count)).divide(unit.per(), MONEY);
            parts.add(new Cost.Part(unit.priceKey(), unit.usageKey(), count, rate, unit.per(), cost));
            switch (unit.direction()) {
                case "input" -> input = input.add(cost);
                case "output" -> output = output.add(cost);
                default -> other = other.add(cost);
            }
        }
        return new Cost(lookup, index, parts, input, output, input.add(output).add(other));
    }

    /**
     * Each priced unit's own count: its usage minus the counts of its priced parts, the most specific units first
     * (a part always has more dimensions than what it is part of). Requests count one.
     */
    private static Map<String, Long> counts(List<Map.Entry<Unit, Rate>> priced, Map<String, Long> usage) {
        List<Unit> order = new ArrayList<>();
        for (Map.Entry<Unit, Rate> e : priced) {
            if (!e.getKey().usageKey().equals(Units.REQUESTS)) {
                order.add(e.getKey());
            }
        }
        order.sort(Comparator.comparingInt((Unit u) -> -u.dimensions().size()).thenComparing(Unit::usageKey));
        Map<String, Long> own = new HashMap<>();
        for (Unit unit : order) {
            long parts = 0;
            for (Unit other : order) {
                if (other != unit && unit.contains(other)) {
                    parts += own.get(other.usageKey());
                }
            }
            long count = usage.getOrDefault(unit.usageKey(), 0L) - parts;
            if (count < 0) {
                throw new IllegalArgumentException("the usage's parts of " + unit.usageKey() + " (" + parts + ") are more than "
                        + unit.usageKey() + " (" + usage.getOrDefault(unit.usageKey(), 0L) + ")");
            }
            own.put(unit.usageKey(), count);
        }
        if (priced.stream().anyMatch(e -> e.getKey().usageKey().equals(Units.REQUESTS))) {
            own.put(Units.REQUESTS, 1L);
        }
        return own;
    }
}
