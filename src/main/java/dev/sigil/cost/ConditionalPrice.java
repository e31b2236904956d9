package dev.sigil.cost;

import java.util.Optional;

/**
 * One of a model's prices over time: the prices, and when they apply (always, when there is no constraint).
 *
 * @param constraint when they apply, or empty for the default
 * @param prices the prices
 */
public record ConditionalPrice(Optional<Constraint> constraint, PriceSet prices) {
}
