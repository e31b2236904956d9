package dev.sigil.prices;

import java.math.BigDecimal;
import java.util.List;

/**
 * Which price each model of a log matched, and what its calls cost.
 *
 * @param source the log as named
 * @param models each model named by a usage record, in the order of first appearance
 * @param lines non-blank lines read
 * @param skipped lines that are not JSON objects, too long, or of no format sigil knows (docs/formats.md)
 * @param unknownModelLines lines with tokens but no (conforming) usage record
 * @param unknownModelTokens their tokens: of an unknown model, so unpriced
 */
public record Explanation(String source, List<ModelUse> models, long lines, long skipped, long unknownModelLines, long unknownModelTokens) {

    public Explanation {
        models = List.copyOf(models);
    }

    /** The cost of the priced models' calls. */
    public BigDecimal pricedCost() {
        return models.stream().filter(ModelUse::priced).map(ModelUse::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Tokens of unpriced models and of unknown models: never counted as $0. */
    public long unpricedTokens() {
        return unknownModelTokens + models.stream().filter(m -> !m.priced()).mapToLong(m -> m.inputTokens() + m.outputTokens()).sum();
    }
}
