package dev.sigil.monitor.state;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import dev.sigil.spend.Pricing;

/**
 * How the monitor prices a line: the price function (pure, given to the state when it is made) and the zone in which
 * naive timestamps are local wall time (a price can depend on the date or the time of day).
 *
 * @param pricing the price of a usage at an instant
 * @param zone the zone of naive timestamps
 */
public record Prices(Pricing pricing, ZoneId zone) {

    /** Nothing priced: every token is unpriced (and the dashboard shows no cost unless a line names a model). */
    public static final Prices NONE = new Prices(Pricing.NONE, ZoneOffset.UTC);

    Instant instant(EventTime t) {
        return t.toInstant(zone);
    }
}
