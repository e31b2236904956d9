package dev.sigil.cost;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One priced unit of genai-prices' table: a usage key (what is counted, {@code cache_read_tokens}), the price key that
 * prices it ({@code cache_read_mtok}), how many units a price is for, and the dimensions that place it among the
 * others (a unit whose dimensions include another's is a part of it: cache reads are a part of input tokens).
 *
 * @param usageKey what the usage counts
 * @param priceKey what the prices name
 * @param per how many units one price is for (a million tokens, a thousand requests)
 * @param dimensions e.g. direction=input, family=tokens, token_type=cache_read
 */
public record Unit(String usageKey, String priceKey, BigDecimal per, Map<String, String> dimensions) {

    public Unit {
        dimensions = Map.copyOf(dimensions);
    }

    /** Whether every dimension of this unit is one of {@code other}'s with the same value: {@code other} is a part of it (or it). */
    boolean contains(Unit other) {
        for (Map.Entry<String, String> d : dimensions.entrySet()) {
            if (!d.getValue().equals(other.dimensions.get(d.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether no dimension of this unit contradicts one of {@code other}'s: the two can overlap. */
    boolean compatible(Unit other) {
        for (Map.Entry<String, String> d : dimensions.entrySet()) {
            String theirs = other.dimensions.get(d.getKey());
            if (theirs != null && !theirs.equals(d.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** "input", "output", or "" for units of neither direction (requests). */
    String direction() {
        return dimensions.getOrDefault("direction", "");
    }
}
