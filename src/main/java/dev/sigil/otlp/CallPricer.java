package dev.sigil.otlp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.sigil.contract.event.Usage;
import dev.sigil.cost.Lookup;
import dev.sigil.cost.PriceCalculator;
import dev.sigil.cost.PriceCatalog;
import dev.sigil.cost.UsageKeys;

/**
 * What a model call cost in US dollars with the exact prices (docs/cost.md): empty for tokens of an unknown model and
 * for models the catalog does not know (unpriced is never $0). Lookups are remembered per model name, up to
 * {@link #REMEMBERED}. The catalog is asked for when the first usage record comes (a log without one reads no
 * price data). Not thread-safe: one per fold.
 */
public final class CallPricer {

    static final int REMEMBERED = 4096;

    private final Supplier<PriceCatalog> source;
    private PriceCatalog catalog;
    private PriceCalculator calculator;
    private final Map<String, Lookup> lookups = new HashMap<>();

    public CallPricer(Supplier<PriceCatalog> source) {
        this.source = source;
    }

    Optional<BigDecimal> usd(Usage usage, Instant at) {
        if (!usage.hasModel()) {
            return Optional.empty();
        }
        if (catalog == null) {
            catalog = source.get();
            calculator = new PriceCalculator(catalog);
        }
        Lookup lookup = lookups.get(usage.model());
        if (lookup == null) {
            lookup = catalog.find(usage.model());
            if (lookups.size() < REMEMBERED) {
                lookups.put(usage.model(), lookup);
            }
        }
        if (!lookup.found()) {
            return Optional.empty();
        }
        try {
            return Optional.of(calculator.price(UsageKeys.of(usage), lookup, at).total());
        } catch (IllegalArgumentException partsTooLarge) {
            return Optional.empty();
        }
    }
}
