package dev.sigil.prices;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.cost.ConditionalPrice;
import dev.sigil.cost.ModelPrice;
import dev.sigil.cost.Money;

/** What {@code sigil prices --explain FILE} prints for an {@link Explanation}. Pure. */
public final class ExplanationText {

    private ExplanationText() {
    }

    public static List<String> lines(Explanation e) {
        List<String> out = new ArrayList<>();
        long priced = e.models().stream().filter(ModelUse::priced).count();
        out.add(e.source() + ": " + Money.count(e.lines()) + " lines, " + e.models().size() + (e.models().size() == 1 ? " model" : " models")
                + " (" + priced + " priced, " + (e.models().size() - priced) + " unpriced)");
        for (ModelUse m : e.models()) {
            out.add("");
            model(m, out);
        }
        if (e.unknownModelLines() > 0) {
            out.add("");
            out.add("unknown model: " + Money.count(e.unknownModelTokens()) + " tokens on " + Money.count(e.unknownModelLines())
                    + (e.unknownModelLines() == 1 ? " line" : " lines") + " with tokens but no usage record (or one that breaks the contract: sigil validate says which); unpriced");
        }
        out.add("");
        out.add("total: " + Money.dollars(e.pricedCost()) + " for the priced calls; unpriced: " + Money.count(e.unpricedTokens()) + " tokens"
                + (e.unpricedTokens() > 0 ? " (not counted as $0)" : ""));
        if (e.skipped() > 0) {
            out.add("skipped: " + Money.count(e.skipped()) + " lines that are not JSON objects, are too long or are of no known format");
        }
        return out;
    }

    private static void model(ModelUse m, List<String> out) {
        out.add(m.model() + ": " + Money.count(m.calls()) + (m.calls() == 1 ? " call, " : " calls, ") + tokens(m));
        if (!m.priced()) {
            out.add("  unpriced: " + m.lookup().whyNot() + "; add it to ~/.sigil/prices.yaml to price it (docs/cost.md)");
            return;
        }
        ModelPrice model = m.lookup().model().orElseThrow();
        out.add("  provider  " + m.lookup().provider().orElseThrow().id() + ", found by " + m.lookup().providerWhy());
        out.add("  model     " + m.lookup().modelWhy());
        out.add("  source    " + model.origin().describe() + (model.origin().isOverride() ? " (an override)" : ""));
        for (ModelUse.PriceUse p : m.prices()) {
            ConditionalPrice c = model.prices().get(p.priceIndex());
            String when = c.constraint().map(x -> x.describe()).orElse(model.prices().size() > 1 ? "otherwise" : "always");
            String rates = String.join(", ", c.prices().rates().entrySet().stream().filter(r -> r.getKey().endsWith("_mtok"))
                    .map(r -> r.getKey() + " " + Money.rate(r.getValue().at(0)) + (r.getValue() instanceof dev.sigil.cost.Rate.Tiered ? " (tiered)" : ""))
                    .toList());
            out.add("  prices    " + when + ": " + rates);
            out.add("            " + Money.count(p.calls()) + (p.calls() == 1 ? " call" : " calls") + " from " + p.first() + " to " + p.last()
                    + ": " + Money.dollars(p.cost()));
        }
        if (m.undatedCalls() > 0) {
            out.add("  undated   " + Money.count(m.undatedCalls()) + " calls had no readable timestamp: priced at the prices in effect now");
        }
        out.add("  cost      " + Money.dollars(m.cost()));
    }

    private static String tokens(ModelUse m) {
        StringBuilder s = new StringBuilder(Money.count(m.inputTokens()) + " input");
        if (m.cacheReadTokens() > 0 || m.cacheWriteTokens() > 0) {
            s.append(" (").append(Money.count(m.cacheReadTokens())).append(" cache reads, ").append(Money.count(m.cacheWriteTokens()))
                    .append(" cache writes");
            if (m.cacheWrite1hTokens() > 0) {
                s.append(", ").append(Money.count(m.cacheWrite1hTokens())).append(" of them for an hour");
            }
            s.append(')');
        }
        s.append(", ").append(Money.count(m.outputTokens())).append(" output");
        if (m.reasoningTokens() > 0) {
            s.append(" (").append(Money.count(m.reasoningTokens())).append(" reasoning)");
        }
        return s.toString();
    }
}
