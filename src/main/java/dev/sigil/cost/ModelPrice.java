package dev.sigil.cost;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A model of a provider and its prices: one set, or several that apply at different times (genai-prices' conditional
 * prices: the last one whose constraint holds wins, an unconstrained one always holds, and the first is the fallback).
 *
 * @param id the model's id in the data
 * @param name its display name ("" if none)
 * @param match which model ids are this model
 * @param prices its prices, in the data's order; one element without a constraint for a model priced the same always
 * @param comments the data's notes on the prices ("" if none)
 * @param deprecated whether the data marks it deprecated
 * @param origin where it comes from
 */
public record ModelPrice(String id, String name, MatchRule match, List<ConditionalPrice> prices, String comments,
                         boolean deprecated, Origin origin) {

    public ModelPrice {
        prices = List.copyOf(prices);
        if (prices.isEmpty()) {
            throw new IllegalArgumentException("a model needs prices");
        }
    }

    /** Whether its price depends on when the call was made. */
    public boolean conditional() {
        return prices.size() > 1 || prices.get(0).constraint().isPresent();
    }

    /** The index in {@link #prices} of the prices that apply at {@code t}. */
    public int priceIndexAt(Instant t) {
        for (int i = prices.size() - 1; i >= 0; i--) {
            Optional<Constraint> c = prices.get(i).constraint();
            if (c.isEmpty() || c.get().appliesAt(t)) {
                return i;
            }
        }
        return 0;
    }
}
