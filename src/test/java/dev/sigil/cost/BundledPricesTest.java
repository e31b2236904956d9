package dev.sigil.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sigil.prices.BundledPrices;
import tools.jackson.databind.JsonNode;

/** The snapshot in the jar: its source, every model read, and every price set usable as genai-prices needs it. */
class BundledPricesTest {

    private final PriceCatalog catalog = BundledPrices.catalog();

    @Test
    void itIsGenaiPrices018WithItsLicence() {
        assertThat(catalog.snapshot().packageName()).isEqualTo("@pydantic/genai-prices");
        assertThat(catalog.snapshot().version()).isEqualTo("0.1.8");
        assertThat(catalog.snapshot().published()).matches("[0-9]{4}-[0-9]{2}-[0-9]{2}");
        assertThat(BundledPrices.licence()).startsWith("The MIT License").contains("Copyright (c) Pydantic");
    }

    @Test
    void everyProviderAndModelOfTheResourceIsRead() {
        JsonNode tree = TestCatalogs.tree();
        assertThat(catalog.providers()).hasSize(tree.get("providers").size());
        for (int i = 0; i < catalog.providers().size(); i++) {
            assertThat(catalog.providers().get(i).models()).hasSize(tree.get("providers").get(i).get("models").size());
        }
        assertThat(catalog.units().all()).hasSize(tree.get("units").size());
    }

    @Test
    void everyPriceSetHasWhatItsUnitsNeedAndNoKeyIsIgnored() {
        List<String> problems = new ArrayList<>();
        for (ProviderPrice p : catalog.providers()) {
            for (ModelPrice m : p.models()) {
                for (ConditionalPrice c : m.prices()) {
                    PriceSetRules.missing(catalog.units(), c.prices().rates().keySet()).forEach(x -> problems.add(p.id() + ":" + m.id() + ": " + x));
                    c.prices().ignored().forEach(x -> problems.add(p.id() + ":" + m.id() + ": ignored " + x));
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
