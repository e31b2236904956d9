package dev.sigil.cost;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a provider:model-id finds its model: genai-prices' order of rules, on providers the test writes. */
class PriceCatalogTest {

    private final PriceCatalog catalog = TestCatalogs.of("""
            [{'id': 'openai', 'name': 'OpenAI', 'provider_match': {'contains': 'openai'},
              'model_match': {'or': [{'starts_with': 'gpt-'}, {'regex': '^o[134]'}]}, 'models': [
              {'id': 'gpt-4o-mini', 'match': {'starts_with': 'gpt-4o-mini'}, 'prices': {'input_mtok': 0.15, 'output_mtok': 0.6}},
              {'id': 'gpt-4o', 'match': {'or': [{'equals': 'gpt-4o'}, {'equals': 'gpt-4o-2024-08-06'}]}, 'prices': {'input_mtok': 2.5, 'output_mtok': 10}},
              {'id': 'o3', 'match': {'regex': '^o3(-20[0-9]{2})?$'}, 'prices': {'input_mtok': 2, 'output_mtok': 8}}]},
             {'id': 'azure', 'name': 'Azure', 'fallback_model_providers': ['openai'], 'models': [
              {'id': 'gpt-4o', 'match': {'equals': 'gpt-4o'}, 'prices': {'input_mtok': 2.75, 'output_mtok': 11}}]},
             {'id': 'anthropic', 'name': 'Anthropic', 'models': [
              {'id': 'claude-sonnet-4', 'match': {'starts_with': 'claude-sonnet-4-2025-05-14'}, 'prices': {'input_mtok': 3, 'output_mtok': 15}}]}]""");

    private String found(String name) {
        Lookup l = catalog.find(name);
        return l.found() ? l.provider().orElseThrow().id() + "/" + l.model().orElseThrow().id() : "unpriced";
    }

    @Test
    void theFirstModelWhoseRuleMatchesWins() {
        assertThat(found("openai:gpt-4o-mini-2024-07-18")).isEqualTo("openai/gpt-4o-mini");
        assertThat(found("openai:gpt-4o")).isEqualTo("openai/gpt-4o");
        assertThat(found("openai:gpt-4o-2024-05-13")).isEqualTo("unpriced");
    }

    @Test
    void caseAndSurroundingSpaceAreIgnoredButRegularExpressionsKeepTheirCase() {
        assertThat(found("OpenAI: GPT-4O ")).isEqualTo("openai/gpt-4o");
        assertThat(found("openai:O3")).isEqualTo("openai/o3"); // the id is lower-cased before the expression sees it
        assertThat(found("openai:o3-mini")).isEqualTo("unpriced");
    }

    @Test
    void aProviderIsFoundByIdThenByItsProviderRule() {
        assertThat(found("my-openai-proxy:gpt-4o")).isEqualTo("openai/gpt-4o");
        assertThat(catalog.find("my-openai-proxy:gpt-4o").providerWhy()).isEqualTo("provider rule contains \"openai\"");
        assertThat(found("mycorp:gpt-4o")).isEqualTo("unpriced");
    }

    @Test
    void withoutAProviderTheModelRulesOfTheProvidersDecide() {
        assertThat(found("gpt-4o")).isEqualTo("openai/gpt-4o");
        assertThat(catalog.find(null, "o3").providerWhy()).isEqualTo("its model rule matches /^o[134]/");
        assertThat(found("claude-sonnet-4")).isEqualTo("unpriced"); // anthropic has no model rule here
        assertThat(catalog.find("", "gpt-4o").found()).isTrue(); // an empty provider is no provider
    }

    @Test
    void aProvidersOwnModelsComeBeforeItsFallbackProviders() {
        assertThat(found("azure:gpt-4o")).isEqualTo("azure/gpt-4o");
        // the provider stays the one named (genai-prices reports it so), the model and its price are openai's
        assertThat(found("azure:gpt-4o-mini")).isEqualTo("azure/gpt-4o-mini");
        assertThat(catalog.find("azure:gpt-4o-mini").modelWhy()).contains("a model of openai (a fallback provider of azure)");
        assertThat(catalog.find("azure:gpt-4o-mini").model().orElseThrow().prices().get(0).prices().rate("input_mtok"))
                .contains(new Rate.Flat(new java.math.BigDecimal("0.15")));
    }

    @Test
    void aCompactDateInTheIdIsTriedWithDashes() {
        assertThat(found("anthropic:claude-sonnet-4-20250514")).isEqualTo("anthropic/claude-sonnet-4");
        assertThat(catalog.find("anthropic:claude-sonnet-4-20250514").modelWhy()).contains("claude-sonnet-4-2025-05-14");
        assertThat(found("anthropic:claude-sonnet-4-20250230")).isEqualTo("unpriced"); // not a date: not rewritten
        assertThat(PriceCatalog.normalizeDates("x-20250101:0")).isEqualTo("x-2025-01-01:0");
        assertThat(PriceCatalog.normalizeDates("x-202501011")).isEqualTo("x-202501011");
    }

    @Test
    void litellmNamesTheProviderInsideTheModelId() {
        assertThat(found("litellm:openai/gpt-4o")).isEqualTo("openai/gpt-4o");
        assertThat(found("litellm:gpt-4o")).isEqualTo("openai/gpt-4o"); // no such provider: the model rules decide
        assertThat(found("litellm:mycorp/gpt-4o")).isEqualTo("unpriced"); // no provider mycorp: the whole id goes to the model rules
    }
}
