package dev.sigil.prices;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.sigil.cost.ConditionalPrice;
import dev.sigil.cost.Lookup;
import dev.sigil.cost.ModelPrice;
import dev.sigil.cost.Money;
import dev.sigil.cost.PriceCatalog;
import dev.sigil.cost.ProviderPrice;
import dev.sigil.cost.Rate;
import dev.sigil.cost.Snapshot;
import dev.sigil.cost.Unit;

/**
 * What {@code sigil prices} prints: a table of every model's rates per million tokens, one model in detail, and the
 * snapshot's version. Pure: values in, lines out.
 */
public final class PriceListing {

    /** The token rates of the table, by price key, with their headings. */
    private static final List<String[]> COLUMNS = List.of(new String[] {"input_mtok", "INPUT"}, new String[] {"output_mtok", "OUTPUT"},
            new String[] {"cache_read_mtok", "CACHE READ"}, new String[] {"cache_write_mtok", "CACHE WRITE"},
            new String[] {"cache_write_1h_mtok", "1H WRITE"});

    private PriceListing() {
    }

    /**
     * The table of the models whose {@code provider:model-id} or name contains {@code filter} (ignoring case; "" for
     * all): one row per model and price period, token rates in US dollars per million tokens.
     */
    public static List<String> table(PriceCatalog catalog, String filter) {
        String wanted = filter.toLowerCase(Locale.ROOT);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"MODEL", "WHEN", "INPUT", "OUTPUT", "CACHE READ", "CACHE WRITE", "1H WRITE", "TIERS AND OTHER PRICES", "SOURCE"});
        for (ProviderPrice p : catalog.providers()) {
            for (ModelPrice m : p.models()) {
                String name = p.id() + ":" + m.id();
                if (!wanted.isEmpty() && !name.toLowerCase(Locale.ROOT).contains(wanted) && !m.name().toLowerCase(Locale.ROOT).contains(wanted)) {
                    continue;
                }
                for (ConditionalPrice c : m.prices()) {
                    rows.add(row(name, m, c, catalog.snapshot()));
                }
            }
        }
        return rows.size() == 1 ? List.of() : Columns.align(rows);
    }

    private static String[] row(String name, ModelPrice m, ConditionalPrice c, Snapshot snapshot) {
        String[] r = new String[9];
        r[0] = name;
        r[1] = c.constraint().map(x -> x.describe()).orElse(m.prices().size() > 1 ? "otherwise" : "");
        for (int i = 0; i < COLUMNS.size(); i++) {
            r[2 + i] = c.prices().rate(COLUMNS.get(i)[0]).map(PriceListing::base).orElse("-");
        }
        List<String> extra = new ArrayList<>();
        c.prices().rates().forEach((key, rate) -> {
            boolean column = COLUMNS.stream().anyMatch(col -> col[0].equals(key));
            if (rate instanceof Rate.Tiered t) {
                t.tiers().forEach(tier -> extra.add(key + " above " + Money.count(tier.start()) + " input: " + Money.rate(tier.price())));
            } else if (!column) {
                extra.add(key + " " + base(rate));
            }
        });
        r[7] = String.join(", ", extra);
        r[8] = m.origin().isOverride() ? m.origin().describe() : snapshot.describe();
        return r;
    }

    private static String base(Rate rate) {
        return Money.rate(rate instanceof Rate.Tiered t ? t.base() : ((Rate.Flat) rate).price());
    }

    /** One model as pricing finds it: provider and model and why, where the prices come from, each price period. */
    public static List<String> detail(PriceCatalog catalog, Lookup lookup, Instant now) {
        List<String> out = new ArrayList<>();
        if (!lookup.found()) {
            out.add(lookup.name() + ": unpriced: " + lookup.whyNot());
            out.add("  Its tokens are counted as unpriced, never as $0; to price it, add it to ~/.sigil/prices.yaml (docs/cost.md).");
            return out;
        }
        ProviderPrice p = lookup.provider().orElseThrow();
        ModelPrice m = lookup.model().orElseThrow();
        out.add(lookup.name() + ": " + p.name() + (m.name().isEmpty() ? "" : ", " + m.name()) + (m.deprecated() ? " (deprecated)" : ""));
        out.add("  provider  " + p.id() + ", found by " + lookup.providerWhy());
        out.add("  model     " + lookup.modelWhy());
        out.add("  source    " + (m.origin().isOverride() ? m.origin().describe() + " (an override)" : catalog.snapshot().describe()));
        p.pricingUrls().forEach(u -> out.add("  pricing   " + u));
        int current = m.priceIndexAt(now);
        for (int i = 0; i < m.prices().size(); i++) {
            ConditionalPrice c = m.prices().get(i);
            String when = c.constraint().map(x -> x.describe()).orElse(m.prices().size() > 1 ? "otherwise" : "always");
            out.add("  prices    " + when + (i == current && m.conditional() ? " (in effect now)" : "") + ", US dollars:");
            c.prices().rates().forEach((key, rate) -> out.add("    " + rateLine(catalog, key, rate)));
            c.prices().ignored().forEach(key -> out.add("    " + key + ": not a price sigil knows how to apply (ignored, as genai-prices ignores it)"));
        }
        if (!m.comments().isEmpty()) {
            out.add("  notes     " + m.comments());
        }
        return out;
    }

    private static String rateLine(PriceCatalog catalog, String key, Rate rate) {
        Unit unit = catalog.units().byPriceKey(key).orElseThrow();
        String per = "per " + Money.count(unit.per().longValueExact()) + " " + unit.usageKey();
        if (rate instanceof Rate.Tiered t) {
            StringBuilder s = new StringBuilder(key + " " + Money.rate(t.base()) + " " + per);
            t.tiers().forEach(tier -> s.append("; ").append(Money.rate(tier.price())).append(" for calls above ")
                    .append(Money.count(tier.start())).append(" input tokens"));
            return s.toString();
        }
        return key + " " + base(rate) + " " + per;
    }

    /** What {@code sigil prices --version} prints. */
    public static List<String> version(LoadedPrices prices) {
        PriceCatalog c = prices.catalog();
        Snapshot s = c.snapshot();
        long models = c.providers().stream().filter(p -> !p.origin().isOverride()).mapToLong(p -> p.models().stream()
                .filter(m -> !m.origin().isOverride()).count()).sum();
        List<String> out = new ArrayList<>();
        out.add("price data: " + s.packageName() + " " + s.version() + ", published " + s.published() + " (npm), " + s.license() + " licence");
        out.add("  " + Money.count(models) + " models of " + c.providers().stream().filter(p -> !p.origin().isOverride()).count()
                + " providers; " + s.homepage());
        if (prices.overrideFiles().isEmpty()) {
            out.add("overrides: none (~/.sigil/prices.yaml, or --prices FILE: docs/cost.md)");
        }
        for (LoadedPrices.OverrideFile f : prices.overrideFiles()) {
            out.add("overrides: " + f.name() + " (" + f.models() + (f.models() == 1 ? " model" : " models") + ")");
        }
        return out;
    }
}
