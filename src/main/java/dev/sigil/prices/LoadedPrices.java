package dev.sigil.prices;

import java.util.List;

import dev.sigil.cost.PriceCatalog;

/**
 * The prices in effect: the snapshot with the override files applied, and which files those were.
 *
 * @param catalog what prices are looked up in
 * @param overrideFiles the override files read, in order of precedence (the first wins), with how many models each prices
 */
public record LoadedPrices(PriceCatalog catalog, List<OverrideFile> overrideFiles) {

    /**
     * An override file that was read.
     *
     * @param name its path as shown
     * @param models how many models it prices
     */
    public record OverrideFile(String name, int models) {
    }
}
