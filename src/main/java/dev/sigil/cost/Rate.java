package dev.sigil.cost;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/** A price of one unit: the same for every call, or tiered by the call's input tokens. Decimal, never binary. */
public sealed interface Rate {

    /** The price that applies to a call with {@code inputTokens} input tokens (cache included). */
    BigDecimal at(long inputTokens);

    /** A price that does not depend on the call. */
    record Flat(BigDecimal price) implements Rate {
        @Override
        public BigDecimal at(long inputTokens) {
            return price;
        }
    }

    /**
     * A tier: from {@code start} input tokens on (strictly more than {@code start}), the whole call pays {@code price}.
     *
     * @param start input tokens the call must exceed
     * @param price the price above it
     */
    record Tier(long start, BigDecimal price) {
    }

    /** {@code base} up to the first tier; above a tier's start, that tier's price for every unit of the call. */
    record Tiered(BigDecimal base, List<Tier> tiers) implements Rate {
        public Tiered {
            tiers = tiers.stream().sorted(Comparator.comparingLong(Tier::start)).toList();
        }

        @Override
        public BigDecimal at(long inputTokens) {
            BigDecimal price = base;
            for (Tier t : tiers) {
                if (inputTokens > t.start()) {
                    price = t.price();
                }
            }
            return price;
        }
    }
}
