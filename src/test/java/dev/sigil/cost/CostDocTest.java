package dev.sigil.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sigil.prices.BundledPrices;

/** The override file of docs/cost.md is one sigil reads, and prices as the page says. */
class CostDocTest {

    @Test
    void theDocumentedOverrideFileIsValidAndWins() throws IOException {
        String doc = Files.readString(Path.of("docs/cost.md"));
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = doc.substring(start, doc.indexOf("```", start));
        PriceCatalog snapshot = BundledPrices.catalog();
        PriceOverrides.Result r = PriceOverrides.read("prices.yaml", yaml.getBytes(StandardCharsets.UTF_8), snapshot.units());
        assertThat(r.errors()).isEmpty();
        PriceCatalog merged = snapshot.with(PriceOverrides.applyTo(snapshot.providers(), r.providers()));
        PriceCalculator calc = new PriceCalculator(merged);
        Map<String, Long> million = Map.of("input_tokens", 1_000_000L, "output_tokens", 0L);
        assertThat(calc.price(million, "mycorp:internal-llm-7b", Instant.EPOCH).orElseThrow().total()).isEqualByComparingTo("0.5");
        // below the tier: 100,000 * 4 per million; above it the whole call pays 8: 1,000,000 * 8 per million
        assertThat(calc.price(Map.of("input_tokens", 100_000L, "output_tokens", 0L), "anthropic:claude-opus-4-5-20251101", Instant.EPOCH)
                .orElseThrow().total()).isEqualByComparingTo("0.4");
        assertThat(calc.price(million, "anthropic:claude-opus-4-5-20251101", Instant.EPOCH).orElseThrow().total()).isEqualByComparingTo("8");
        assertThat(calc.price(Map.of("input_tokens", 1_000_000L, "output_tokens", 0L), "deepseek:deepseek-chat", Instant.parse("2026-06-01T17:00:00Z"))
                .orElseThrow().total()).isEqualByComparingTo("0.135");
        assertThat(calc.price(million, "deepseek:deepseek-chat", Instant.parse("2026-06-01T12:00:00Z")).orElseThrow().total()).isEqualByComparingTo("0.27");
        assertThat(calc.price(million, "deepseek:deepseek-chat", Instant.parse("2027-01-01T12:00:00Z")).orElseThrow().total()).isEqualByComparingTo("0.3");
    }
}
