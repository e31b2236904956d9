package dev.sigil.spend;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.sigil.contract.event.EventTime;
import dev.sigil.contract.event.Usage;

/**
 * How lines are priced: the price function and the zone in which naive timestamps are local wall time (a price can
 * depend on the date or the time of day, and the Python logger writes the local time of its machine).
 *
 * @param pricing the price of a usage at an instant
 * @param zone the zone of naive timestamps
 */
public record Prices(Pricing pricing, ZoneId zone) {

    /** Nothing priced: every token is unpriced. */
    public static final Prices NONE = new Prices(Pricing.NONE, ZoneOffset.UTC);

    /** The price of {@code usage} at the log time {@code at}. */
    public Optional<BigDecimal> of(Usage usage, EventTime at) {
        return usage.hasModel() ? pricing.usd(usage, at.toInstant(zone)) : Optional.empty();
    }

    /** The price of {@code usage} at {@code at}. */
    public Optional<BigDecimal> of(Usage usage, Instant at) {
        return usage.hasModel() ? pricing.usd(usage, at) : Optional.empty();
    }
}
