package dev.sigil.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sigil.prices.BundledPrices;

/** Override files: read strictly, each problem at its file, line and key; their models win over the snapshot's. */
class PriceOverridesTest {

    private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");
    private final PriceCatalog snapshot = BundledPrices.catalog();

    private PriceOverrides.Result read(String yaml) {
        return PriceOverrides.read("prices.yaml", yaml.getBytes(StandardCharsets.UTF_8), snapshot.units());
    }

    @Test
    void aPrivateModelIsPricedAndAKnownOneRepricedWithTheirLines() {
        PriceOverrides.Result r = read("""
                # prices we pay
                providers:
                  mycorp:
                    name: My Corp
                    models:
                      internal-llm-7b:
                        prices: {input_mtok: 0.5, output_mtok: 1.5}
                  openai:
                    models:
                      gpt-4o:
                        comment: negotiated
                        prices:
                          input_mtok: 2
                          output_mtok: 8
                """);
        assertThat(r.errors()).isEmpty();
        PriceCatalog merged = snapshot.with(PriceOverrides.applyTo(snapshot.providers(), r.providers()));
        PriceCalculator calc = new PriceCalculator(merged);
        // 1000 * 0.5 + 1000 * 1.5 per million
        assertThat(calc.price(Map.of("input_tokens", 1_000L, "output_tokens", 1_000L), "mycorp:internal-llm-7b", AT).orElseThrow().total())
                .isEqualByComparingTo("0.002");
        Cost gpt = calc.price(Map.of("input_tokens", 1_000_000L, "output_tokens", 0L), "openai:gpt-4o", AT).orElseThrow();
        assertThat(gpt.total()).isEqualByComparingTo("2");
        assertThat(gpt.lookup().model().orElseThrow().origin()).isEqualTo(new Origin("prices.yaml", 10));
        assertThat(merged.find("mycorp:internal-llm-7b").model().orElseThrow().origin().describe()).isEqualTo("prices.yaml:6");
        // an override does not take the provider's other models away
        assertThat(merged.find("openai:gpt-4o-mini").model().orElseThrow().origin().isOverride()).isFalse();
        assertThat(merged.find("mycorp:internal-llm-7b-v2").found()).isFalse(); // no match rule: the id itself, exactly
    }

    @Test
    void everyProblemIsReportedWithItsLineAndKey() {
        PriceOverrides.Result r = read("""
                providers:
                  MyCorp:
                    models: {}
                  good:
                    modles: {}
                  ok:
                    models:
                      m1:
                        prices:
                          input_mtok: "0.5"
                          output_mtok: -1
                      m2:
                        prices: {input_mtok: 1, cache_write_1h_mtok: 2, inptu_mtok: 3}
                      m3:
                        match: {starts_with: a, equals: b}
                        prices: {input_mtok: 1}
                      m4:
                        match: {regex: "a{"}
                        prices:
                          - prices: {input_mtok: 1}
                          - constraint: {start_date: 2026-13-01}
                            prices: {input_mtok: 2}
                      m5:
                        prices: {input_mtok: 1, cache_write_1h_mtok: 2, cache_write_mtok: 1.25}
                        colour: red
                extra: 1
                """);
        assertThat(r.providers()).isEmpty();
        assertThat(r.errors()).containsExactlyInAnyOrder(
                "prices.yaml:26: extra: unknown key (the file holds providers: PROVIDER: models: MODEL: prices: ...)",
                "prices.yaml:2: providers.MyCorp: a provider id is lower-case letters, digits, '_', '.' or '-' (as in provider:model-id): MyCorp",
                "prices.yaml:5: providers.good.modles: unknown key (known here: models, name)",
                "prices.yaml:4: providers.good: a provider is a mapping with models: MODEL: prices: ...",
                "prices.yaml:10: providers.ok.models.m1.prices.input_mtok: a price is a number of US dollars (0 or more), or {base: PRICE, tiers: [{start: INPUT_TOKENS, price: PRICE}, ...]}",
                "prices.yaml:11: providers.ok.models.m1.prices.output_mtok: a price is a number of US dollars (0 or more), or {base: PRICE, tiers: [{start: INPUT_TOKENS, price: PRICE}, ...]}",
                "prices.yaml:13: providers.ok.models.m2.prices.inptu_mtok: unknown price key inptu_mtok (known: input_mtok, output_mtok, cache_read_mtok, "
                        + "cache_write_mtok, cache_write_1h_mtok, output_reasoning_mtok, requests_kcount, ... : docs/cost.md)",
                "prices.yaml:15: providers.ok.models.m3.match: a match rule has exactly one of or, and, equals, starts_with, ends_with, contains, regex; found starts_with, equals",
                "prices.yaml:18: providers.ok.models.m4.match.regex: not a regular expression sigil can use: Illegal repetition",
                "prices.yaml:21: providers.ok.models.m4.prices.1.constraint.start_date: not a date: 2026-13-01 (YYYY-MM-DD)",
                "prices.yaml:25: providers.ok.models.m5.colour: unknown key (known here: comment, match, name, prices)");
    }

    @Test
    void aPriceSetMustHaveWhatGenaiPricesNeedsToPriceWithIt() {
        PriceOverrides.Result r = read("""
                providers:
                  p:
                    models:
                      m:
                        prices: {output_mtok: 1, cache_write_1h_mtok: 2}
                """);
        assertThat(r.errors()).containsExactly("prices.yaml:5: providers.p.models.m.prices: cache_write_1h_mtok needs cache_write_mtok too; "
                + "cache_write_1h_mtok needs input_mtok too");
    }

    @Test
    void notYamlAndEmptyFiles() {
        assertThat(read("providers: [unclosed").errors()).singleElement().asString().startsWith("prices.yaml:1").contains("not valid YAML");
        assertThat(read("").errors()).isEmpty();
        assertThat(read("# nothing yet\n").providers()).isEmpty();
    }

    @Test
    void theLaterFileWinsOverTheEarlierAndBothOverTheSnapshot() {
        List<ProviderPrice> home = read("providers: {openai: {models: {gpt-4o: {prices: {input_mtok: 2, output_mtok: 8}}}}}\n").providers();
        List<ProviderPrice> named = PriceOverrides.read("team.yaml",
                "providers: {openai: {models: {gpt-4o: {prices: {input_mtok: 1, output_mtok: 4}}}}}\n".getBytes(StandardCharsets.UTF_8), snapshot.units())
                .providers();
        PriceCatalog merged = snapshot.with(PriceOverrides.applyTo(PriceOverrides.applyTo(snapshot.providers(), home), named));
        assertThat(merged.find("openai:gpt-4o").model().orElseThrow().origin().source()).isEqualTo("team.yaml");
    }
}
