package dev.sigil.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a set of prices must hold for genai-prices to price with it (it refuses the call otherwise): every unit
 * priced has the units it is a part of priced too (one-hour cache writes need cache writes and input), and two
 * priced units that can overlap have the unit of their overlap priced (cache reads and audio input need cached audio
 * reads).
 */
final class PriceSetRules {

    private PriceSetRules() {
    }

    /** What is missing from {@code priceKeys}, in words; empty when nothing is. */
    static List<String> missing(Units units, Set<String> priceKeys) {
        List<Unit> priced = new ArrayList<>();
        priceKeys.forEach(k -> units.byPriceKey(k).ifPresent(priced::add));
        List<String> out = new ArrayList<>();
        for (Unit u : priced) {
            for (Unit ancestor : units.ancestors(u)) {
                if (!priceKeys.contains(ancestor.priceKey())) {
                    out.add(u.priceKey() + " needs " + ancestor.priceKey() + " too");
                }
            }
        }
        for (int i = 0; i < priced.size(); i++) {
            for (int k = i + 1; k < priced.size(); k++) {
                Unit a = priced.get(i);
                Unit b = priced.get(k);
                if (!a.compatible(b)) {
                    continue;
                }
                String join = units.join(a, b).map(Unit::priceKey).orElse(null);
                if (join == null) {
                    out.add(a.priceKey() + " and " + b.priceKey() + " overlap in a unit genai-prices has no price key for");
                } else if (!priceKeys.contains(join)) {
                    out.add(a.priceKey() + " and " + b.priceKey() + " need " + join + " for the tokens that are both");
                }
            }
        }
        return out;
    }
}
