package dev.sigil.cost;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one call cost: the model and the prices that applied, each priced unit with its count and its cost, and the
 * sums by direction, in US dollars, unrounded.
 *
 * @param lookup the provider and model found, and why
 * @param priceIndex which of the model's prices applied (an index into {@link ModelPrice#prices})
 * @param parts each priced unit of the call, in the data's order
 * @param input the cost of input units
 * @param output the cost of output units
 * @param total input, output and units of neither direction (per-request fees)
 */
public record Cost(Lookup lookup, int priceIndex, List<Part> parts, BigDecimal input, BigDecimal output, BigDecimal total) {

    public Cost {
        parts = List.copyOf(parts);
    }

    /**
     * One priced unit of a call.
     *
     * @param priceKey e.g. cache_write_1h_mtok
     * @param usageKey e.g. cache_write_1h_tokens
     * @param count how many of the unit the call used after its parts were taken out (cache writes without the
     *              one-hour ones, input without the cache)
     * @param rate the price that applied, per {@code per} units
     * @param per how many units the rate is for
     * @param cost count * rate / per
     */
    public record Part(String priceKey, String usageKey, long count, BigDecimal rate, BigDecimal per, BigDecimal cost) {
    }
}
