package dev.sigil.spend;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import dev.sigil.contract.event.Usage;

/**
 * The price of a line's usage at the line's time, in US dollars; empty when it is unpriced (no model, or a model no
 * price is known for). A pure function: {@code dev.sigil.cost.UsagePricer::usd} is the real one.
 */
@FunctionalInterface
public interface Pricing {

    Optional<BigDecimal> usd(Usage usage, Instant at);

    /** Prices nothing: every token is unpriced. */
    Pricing NONE = (usage, at) -> Optional.empty();
}
