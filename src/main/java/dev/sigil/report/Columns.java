package dev.sigil.report;

import java.util.List;

import dev.sigil.cost.Money;
import dev.sigil.spend.Tally;

/** The columns of every report form, in order, after the key: one table of names for text, JSON and CSV. */
final class Columns {

    static final List<String> NAMES = List.of("input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens",
            "reasoning_tokens", "total_tokens", "cost_usd", "events", "unpriced_tokens");
    static final int COST = NAMES.indexOf("cost_usd");
    static final String TOTAL = "(total)";
    /** With {@code --trend}, after {@link #NAMES}: each period's change against the one before. */
    static final List<String> CHANGES = List.of("cost_change_usd", "tokens_change", "cost_change_percent");

    private Columns() {
    }

    /** The counts of {@code t}, in {@link #NAMES}' order, the cost left out (it is not a count). */
    static long[] counts(Tally t) {
        return new long[] {t.inputTokens(), t.outputTokens(), t.cacheReadTokens(), t.cacheWriteTokens(), t.reasoningTokens(),
            t.totalTokens(), -1, t.events(), t.unpricedTokens()};
    }

    /** The values of {@link #CHANGES} as numbers' text, each null when unknown (the first period, a previous $0). */
    static String[] change(Report.Change c) {
        if (!c.known()) {
            return new String[3];
        }
        return new String[] {c.usd().toPlainString(), Long.toString(c.tokens()), c.percent() == null ? null : c.percent().toPlainString()};
    }

    /** The cost as a number's text, exact; null when nothing of it had a price (unpriced, never 0). */
    static String cost(Tally t) {
        return !t.hasCost() ? null : t.noDollars() ? Money.ZERO_PLAIN : Money.plain(t.usd());
    }

    /** The cost for people ({@link Money#dollars}); {@code unpriced} when nothing of it had a price (never $0). */
    static String dollars(Tally t) {
        return !t.hasCost() ? "unpriced" : t.noDollars() ? Money.ZERO_DOLLARS : Money.dollars(t.usd());
    }
}
