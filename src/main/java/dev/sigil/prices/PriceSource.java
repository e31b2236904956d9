package dev.sigil.prices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import dev.sigil.cost.PriceCatalog;

/**
 * The prices a reading command uses, loaded as late as possible: without an override file, the bundled data is read
 * the first time something is priced (a log without usage records never loads it); with one, everything is read and
 * checked now, so that a broken override file stops the command at once with its problems rather than halfway.
 */
public final class PriceSource {

    private PriceSource() {
    }

    /**
     * @param homeFile ~/.sigil/prices.yaml (used only if it exists)
     * @param named the file of --prices, if given
     * @throws PriceFileException with every problem of the override files
     */
    public static Supplier<PriceCatalog> of(Path homeFile, Optional<Path> named) {
        if (named.isEmpty() && !Files.exists(homeFile)) {
            return BundledPrices::catalog;
        }
        PriceCatalog loaded = PriceFiles.load(BundledPrices.catalog(), homeFile, named).catalog();
        return () -> loaded;
    }
}
