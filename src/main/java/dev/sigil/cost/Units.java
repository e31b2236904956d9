package dev.sigil.cost;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * genai-prices' table of units, in its order, with the relations its pricing uses: which unit is a part of which
 * (by dimensions), and the unit two overlapping units share. Immutable.
 */
public final class Units {

    /** Counted per call, not by usage: a model priced per request pays it once per record. */
    public static final String REQUESTS = "requests";

    private final Map<String, Unit> byUsageKey;
    private final Map<String, Unit> byPriceKey = new HashMap<>();
    private final Map<Map<String, String>, Unit> byDimensions = new HashMap<>();

    public Units(List<Unit> units) {
        Map<String, Unit> usage = new LinkedHashMap<>();
        for (Unit u : units) {
            usage.put(u.usageKey(), u);
            byPriceKey.put(u.priceKey(), u);
            byDimensions.put(u.dimensions(), u);
        }
        this.byUsageKey = java.util.Collections.unmodifiableMap(usage);
    }

    public Optional<Unit> byPriceKey(String priceKey) {
        return Optional.ofNullable(byPriceKey.get(priceKey));
    }

    public Optional<Unit> byUsageKey(String usageKey) {
        return Optional.ofNullable(byUsageKey.get(usageKey));
    }

    /** Every unit, in the table's order. */
    public List<Unit> all() {
        return List.copyOf(byUsageKey.values());
    }

    /** The units {@code unit} is a part of (its ancestors), in the table's order. */
    List<Unit> ancestors(Unit unit) {
        List<Unit> out = new ArrayList<>();
        for (Unit u : byUsageKey.values()) {
            if (u != unit && u.contains(unit)) {
                out.add(u);
            }
        }
        return out;
    }

    /** The unit with the dimensions of both, when the two can overlap and the table has one. */
    Optional<Unit> join(Unit a, Unit b) {
        if (!a.compatible(b)) {
            return Optional.empty();
        }
        Map<String, String> both = new HashMap<>(a.dimensions());
        both.putAll(b.dimensions());
        return Optional.ofNullable(byDimensions.get(both));
    }
}
