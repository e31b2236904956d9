package dev.sigil.prices;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.event.Usage;
import dev.sigil.cost.Lookup;

/**
 * What one model of a log used and cost: its calls, their token counts, and their cost by the prices that applied.
 * Mutable while the log is read, then only read.
 */
public final class ModelUse {

    private final String model;
    private final Lookup lookup;
    private final List<PriceUse> prices = new ArrayList<>();
    long calls;
    long input;
    long output;
    long cacheRead;
    long cacheWrite;
    long cacheWrite1h;
    long reasoning;
    long undated;

    ModelUse(String model, Lookup lookup) {
        this.model = model;
        this.lookup = lookup;
    }

    /**
     * The calls priced with one of the model's prices.
     *
     * @param priceIndex which of the model's prices (an index into its list)
     * @param calls how many calls
     * @param first the earliest timestamp among them, as written
     * @param last the latest, as written
     * @param cost what they cost
     */
    public record PriceUse(int priceIndex, long calls, String first, String last, BigDecimal cost) {
    }

    void add(Usage usage) {
        calls++;
        input += usage.inputTokens();
        output += usage.outputTokens();
        cacheRead += usage.cacheReadTokens();
        cacheWrite += usage.cacheWriteTokens();
        cacheWrite1h += usage.cacheWrite1hTokens();
        reasoning += usage.reasoningTokens();
    }

    void priced(int priceIndex, String timestamp, BigDecimal cost) {
        for (int i = 0; i < prices.size(); i++) {
            PriceUse p = prices.get(i);
            if (p.priceIndex() == priceIndex) {
                prices.set(i, new PriceUse(priceIndex, p.calls() + 1, earlier(p.first(), timestamp), later(p.last(), timestamp),
                        p.cost().add(cost)));
                return;
            }
        }
        prices.add(new PriceUse(priceIndex, 1, timestamp, timestamp, cost));
    }

    private static String earlier(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String later(String a, String b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public String model() {
        return model;
    }

    public Lookup lookup() {
        return lookup;
    }

    public List<PriceUse> prices() {
        return List.copyOf(prices);
    }

    public boolean priced() {
        return lookup.found();
    }

    /** The cost of every call, or null when the model is unpriced. */
    public BigDecimal cost() {
        return priced() ? prices.stream().map(PriceUse::cost).reduce(BigDecimal.ZERO, BigDecimal::add) : null;
    }

    public long calls() {
        return calls;
    }

    public long inputTokens() {
        return input;
    }

    public long outputTokens() {
        return output;
    }

    public long cacheReadTokens() {
        return cacheRead;
    }

    public long cacheWriteTokens() {
        return cacheWrite;
    }

    public long cacheWrite1hTokens() {
        return cacheWrite1h;
    }

    public long reasoningTokens() {
        return reasoning;
    }

    /** Calls whose timestamp could not be read: priced at the time of the explanation. */
    public long undatedCalls() {
        return undated;
    }
}
