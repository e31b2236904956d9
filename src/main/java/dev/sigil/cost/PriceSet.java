package dev.sigil.cost;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prices of a model at one time: a rate per price key ({@code input_mtok}, {@code cache_write_1h_mtok}, ...), in
 * the data's order. Keys the unit table does not know are kept aside, unused, as genai-prices ignores them.
 *
 * @param rates the rates by price key
 * @param ignored price keys of the data that no unit prices
 */
public record PriceSet(Map<String, Rate> rates, List<String> ignored) {

    public PriceSet {
        rates = Collections.unmodifiableMap(new LinkedHashMap<>(rates));
        ignored = List.copyOf(ignored);
    }

    public Optional<Rate> rate(String priceKey) {
        return Optional.ofNullable(rates.get(priceKey));
    }

    /** Whether any rate depends on the call's input tokens. */
    public boolean tiered() {
        return rates.values().stream().anyMatch(r -> r instanceof Rate.Tiered);
    }
}
