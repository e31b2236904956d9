package dev.sigil.spend;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.sigil.contract.event.LogEvent;

/**
 * What a session has spent so far, as the dashboard shows it: the total, per component and per model (in order of
 * first appearance, at most {@link #MAX_KEYS} names each, the rest together), the dollars of the last minute, the
 * dollar budget its log states, and its call tree. Immutable.
 *
 * @param total every counted line
 * @param components per component ({@link Keys#component})
 * @param models per model ({@link Keys#model})
 * @param burn dollars per second of the last minute of log time
 * @param budgetUsd the dollar budget of the latest {@code session_start} that states one, negative if none (held as
 *        null, so that a session without one makes no BigDecimal: ADR 0271)
 * @param tree the call tree
 */
public record SessionSpend(Tally total, Map<String, Tally> components, Map<String, Tally> models, CostBurn burn,
                           BigDecimal budgetUsd, CallTree tree) {

    /** Names kept per grouping; further names are counted under one "(other ...)" name. */
    public static final int MAX_KEYS = 256;
    public static final String OTHER_COMPONENTS = "(other components)";
    public static final String OTHER_MODELS = "(other models)";

    public static final SessionSpend EMPTY = new SessionSpend(Tally.ZERO, Map.of(), Map.of(), CostBurn.empty(), null, CallTree.empty());

    /** A spend; a negative {@code budgetUsd} is none (null). */
    public SessionSpend {
        if (budgetUsd != null && budgetUsd.signum() < 0) {
            budgetUsd = null;
        }
    }

    /** The dollar budget, negative ({@code -1}) if none. */
    @Override
    public BigDecimal budgetUsd() {
        return budgetUsd == null ? BigDecimal.ONE.negate() : budgetUsd;
    }

    /** Whether some line named a model: only then is there a cost to show (a log of bare tokens looks as before). */
    public boolean hasModels() {
        return models.keySet().stream().anyMatch(m -> !m.equals(Keys.UNKNOWN_MODEL));
    }

    public boolean hasBudgetUsd() {
        return budgetUsd != null;
    }

    public Builder builder() {
        return new Builder(this);
    }

    /** Adds many lines at the cost of one copy. */
    public static final class Builder {
        private Tally total;
        private final Map<String, Tally> components;
        private final Map<String, Tally> models;
        private CostBurn burn;
        private BigDecimal budgetUsd;
        private final CallTree.Builder tree;

        private Builder(SessionSpend from) {
            total = from.total;
            components = new LinkedHashMap<>(from.components);
            models = new LinkedHashMap<>(from.models);
            burn = from.burn;
            budgetUsd = from.budgetUsd;
            tree = from.tree.builder();
        }

        /**
         * One line: {@code counted} tokens for its session ({@code CountedTokens}), priced {@code price} (empty:
         * unpriced), at {@code second} of log time (for the burn; {@code Long.MIN_VALUE} when it has no time).
         */
        public Builder add(LogEvent e, long counted, Optional<BigDecimal> price, long second) {
            if (e.eventType().equals("session_start") && e.hasBudgetUsd()) {
                budgetUsd = e.budgetUsd();
            }
            tree.add(e, counted, price);
            if (counted <= 0) {
                return this;
            }
            total = total.plus(e.usage(), counted, price);
            add(components, Keys.component(e), OTHER_COMPONENTS, e, counted, price);
            add(models, Keys.model(e), OTHER_MODELS, e, counted, price);
            if (price.isPresent() && second != Long.MIN_VALUE) {
                burn = burn.plus(second, price.get());
            }
            return this;
        }

        private static void add(Map<String, Tally> map, String key, String other, LogEvent e, long counted, Optional<BigDecimal> price) {
            String k = map.containsKey(key) || map.size() < MAX_KEYS - 1 ? key : other;
            map.put(k, map.getOrDefault(k, Tally.ZERO).plus(e.usage(), counted, price));
        }

        public SessionSpend build() {
            return new SessionSpend(total, Collections.unmodifiableMap(new LinkedHashMap<>(components)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(models)), burn, budgetUsd, tree.build());
        }
    }
}
