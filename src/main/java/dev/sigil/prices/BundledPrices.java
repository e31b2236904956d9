package dev.sigil.prices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import dev.sigil.cost.PriceCatalog;
import dev.sigil.cost.PriceDataJson;

/**
 * The price data in the jar, read on first use only: commands that price nothing never load it (a class holder,
 * initialised once by the JVM; nothing mutable).
 */
public final class BundledPrices {

    private BundledPrices() {
    }

    /** The bundled catalog (read the first time it is asked for). */
    public static PriceCatalog catalog() {
        return Holder.CATALOG;
    }

    /** The licence notice of the price data's package. */
    public static String licence() {
        return new String(resource(PriceDataJson.LICENSE_RESOURCE), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static final class Holder {
        static final PriceCatalog CATALOG = PriceDataJson.read(resource(PriceDataJson.RESOURCE));
    }

    private static byte[] resource(String name) {
        try (InputStream in = BundledPrices.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks its price data " + name + "; rebuild sigil");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
