package dev.sigil.spend;

import java.math.BigDecimal;
import java.util.Optional;

import dev.sigil.contract.event.Usage;

/**
 * What a group of lines spent: their counted tokens split as their usage records split them, their cost, and how many
 * of their tokens have no price. A line counts when its tokens count for its session ({@code CountedTokens}); its
 * usage record, if it names a model, gives the split. Immutable; sums are exact (tokens saturate at
 * {@code Long.MAX_VALUE}, dollars are BigDecimal).
 *
 * @param inputTokens input tokens of usage records, the cache ones included
 * @param outputTokens output tokens of usage records, reasoning included
 * @param cacheReadTokens cache reads
 * @param cacheWriteTokens cache writes (any lifetime)
 * @param cacheWrite1hTokens the one-hour part of the cache writes
 * @param reasoningTokens reasoning tokens
 * @param totalTokens every counted token, of a usage record or not
 * @param events lines that counted tokens
 * @param usd the cost of the priced lines
 * @param pricedEvents lines that had a price
 * @param unpricedTokens counted tokens without a price (an unknown model, or none named)
 */
public record Tally(long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens, long cacheWrite1hTokens,
                    long reasoningTokens, long totalTokens, long events, BigDecimal usd, long pricedEvents, long unpricedTokens) {

    /**
     * Nothing. Its dollars are held as null, as are those of any tally whose dollars are 0 exactly (the usd of every
     * unpriced line), so that a reader of lines without prices makes no BigDecimal: JDK 25's static initialiser of
     * BigDecimal computes 5^65536, about 14 ms interpreted (ADR 0271). {@link #usd()} gives 0 for them.
     */
    public static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0);

    /** @param usd the dollars; null for 0 */
    public Tally {
        if (usd != null && usd.signum() == 0 && usd.scale() == 0) {
            usd = null; // one form of 0 (equal tallies stay equal): its value, not its scale, is what null stands for
        }
    }

    /** The cost of the priced lines ({@code BigDecimal.ZERO} when none had a price or they cost 0 exactly). */
    @Override
    public BigDecimal usd() {
        return usd == null ? BigDecimal.ZERO : usd;
    }

    /** Whether its dollars are 0 exactly ({@code 0}, not {@code 0.00}), held without a BigDecimal. */
    public boolean noDollars() {
        return usd == null;
    }

    /** The order of {@link #usd()}, without a BigDecimal when neither tally holds dollars. */
    public static int compareUsd(Tally a, Tally b) {
        return a.usd == null && b.usd == null ? 0 : a.usd().compareTo(b.usd());
    }

    /** This tally and one line: {@code counted} tokens with {@code usage}, priced {@code usd} (empty: unpriced). */
    public Tally plus(Usage usage, long counted, Optional<BigDecimal> price) {
        boolean model = usage.hasModel();
        return new Tally(add(inputTokens, model ? usage.inputTokens() : 0), add(outputTokens, model ? usage.outputTokens() : 0),
                add(cacheReadTokens, usage.cacheReadTokens()), add(cacheWriteTokens, usage.cacheWriteTokens()),
                add(cacheWrite1hTokens, usage.cacheWrite1hTokens()), add(reasoningTokens, usage.reasoningTokens()),
                add(totalTokens, counted), events + 1, price.isPresent() ? usd().add(price.get()) : usd, pricedEvents + (price.isPresent() ? 1 : 0),
                price.isPresent() ? unpricedTokens : add(unpricedTokens, counted));
    }

    /** The two tallies together. */
    public Tally plus(Tally o) {
        return new Tally(add(inputTokens, o.inputTokens), add(outputTokens, o.outputTokens), add(cacheReadTokens, o.cacheReadTokens),
                add(cacheWriteTokens, o.cacheWriteTokens), add(cacheWrite1hTokens, o.cacheWrite1hTokens),
                add(reasoningTokens, o.reasoningTokens), add(totalTokens, o.totalTokens), events + o.events,
                usd == null && o.usd == null ? null : usd().add(o.usd()),
                pricedEvents + o.pricedEvents, add(unpricedTokens, o.unpricedTokens));
    }

    /** Whether any of its lines had a price: its cost is then a figure, else "unpriced" (never $0). */
    public boolean priced() {
        return pricedEvents > 0;
    }

    /**
     * The cost: the dollars of the priced lines when any line had a price, $0 when no token was spent at all, and
     * empty ("unpriced") when tokens were spent and none had a price. Unpriced tokens beside a cost are
     * {@link #unpricedTokens}.
     */
    public Optional<BigDecimal> cost() {
        return hasCost() ? Optional.of(usd()) : Optional.empty();
    }

    /** Whether it has a cost ({@link #cost()} is not empty): a line had a price, or no token was spent. */
    public boolean hasCost() {
        return priced() || totalTokens == 0;
    }

    /** Tokens that had a price. */
    public long pricedTokens() {
        return totalTokens - unpricedTokens;
    }

    /** {@code a + b}, or {@code Long.MAX_VALUE} when that overflows (a hostile log cannot wrap a total). */
    static long add(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
