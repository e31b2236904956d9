package dev.sigil.cost;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.sigil.contract.event.Usage;

/**
 * What a line's usage cost, in US dollars: the one function every reader prices with (the dashboard, the stream
 * summaries, {@code sigil report}, the orchestrator's dollar budget). Unpriced, never $0: tokens of an unknown model
 * and models the catalog does not know have no cost. The catalog is asked for on first use only (the bundled data
 * is read then); lookups are remembered per model name, up to {@link #REMEMBERED} names. Thread-safe; a pure function
 * of its catalog.
 */
public final class UsagePricer {

    /** Most model names whose lookup is kept (a log names a few models; a hostile one may name millions). */
    static final int REMEMBERED = 4096;

    private final Supplier<PriceCatalog> source;
    private volatile PriceCatalog catalog;
    private volatile PriceCalculator calculator;
    private final Map<String, Lookup> lookups = new ConcurrentHashMap<>();

    /** Prices with the catalog {@code source} gives, asked for the first time a usage names a model. */
    public UsagePricer(Supplier<PriceCatalog> source) {
        this.source = source;
    }

    public UsagePricer(PriceCatalog catalog) {
        this(() -> catalog);
    }

    /** The cost of {@code usage} at {@code at}, or empty when it is unpriced. */
    public Optional<BigDecimal> usd(Usage usage, Instant at) {
        return cost(usage, at).map(Cost::total);
    }

    /** The cost of {@code usage} at {@code at} part by part, or empty when it is unpriced. */
    public Optional<Cost> cost(Usage usage, Instant at) {
        if (!usage.hasModel()) {
            return Optional.empty();
        }
        Lookup lookup = lookup(usage.model());
        if (!lookup.found()) {
            return Optional.empty();
        }
        try {
            return Optional.of(calculator().price(UsageKeys.of(usage), lookup, at));
        } catch (IllegalArgumentException partsTooLarge) {
            return Optional.empty(); // a record breaking the usage rules never gets here (Usage.read); a caller's own might
        }
    }

    /** Which model of the catalog {@code model} finds, and why. */
    public Lookup lookup(String model) {
        Lookup known = lookups.get(model);
        if (known != null) {
            return known;
        }
        Lookup found = catalog().find(model);
        if (lookups.size() < REMEMBERED) {
            lookups.put(model, found);
        }
        return found;
    }

    private PriceCatalog catalog() {
        PriceCatalog c = catalog;
        if (c == null) {
            synchronized (this) {
                if (catalog == null) {
                    catalog = source.get();
                }
                c = catalog;
            }
        }
        return c;
    }

    private PriceCalculator calculator() {
        PriceCalculator c = calculator;
        if (c == null) {
            c = new PriceCalculator(catalog());
            calculator = c;
        }
        return c;
    }
}
