package dev.sigil.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the price data sigil ships (src/main/resources/dev/sigil/cost/genai-prices.json, written by
 * scripts/prices/genai-prices-to-json.cjs from the npm package) into a {@link PriceCatalog}. Numbers are read as
 * decimals, exactly as written. The data is checked as it is read: anything that does not fit is a broken build,
 * reported with its JSON pointer.
 */
public final class PriceDataJson {

    /** The resource inside the jar. */
    public static final String RESOURCE = "dev/sigil/cost/genai-prices.json";
    /** The package's licence notice, shipped beside the data. */
    public static final String LICENSE_RESOURCE = "dev/sigil/cost/genai-prices.LICENSE";

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private PriceDataJson() {
    }

    /**
     * The catalog of {@code bytes}.
     *
     * @throws IllegalStateException naming the first place where the data does not fit
     */
    public static PriceCatalog read(byte[] bytes) {
        JsonNode root = MAPPER.readTree(bytes);
        List<String> problems = new ArrayList<>();
        JsonNode source = root.path("source");
        Snapshot snapshot = new Snapshot(source.path("package").asString(""), source.path("version").asString(""),
                source.path("published").asString(""), source.path("license").asString(""), source.path("homepage").asString(""));
        Units units = units(root.path("units"));
        PriceDataParser parser = new PriceDataParser(units, false, (at, m) -> problems.add(at + ": " + m));
        Origin origin = new Origin(snapshot.describe(), 0);
        List<ProviderPrice> providers = new ArrayList<>();
        JsonNode list = root.path("providers");
        for (int i = 0; i < list.size(); i++) {
            providers.add(provider(list.get(i), "/providers/" + i, parser, origin));
        }
        if (!problems.isEmpty() || snapshot.version().isEmpty()) {
            throw new IllegalStateException("the bundled price data is broken (" + (problems.isEmpty() ? "no version" : problems.get(0))
                    + "); rebuild sigil");
        }
        return new PriceCatalog(snapshot, units, providers);
    }

    private static Units units(JsonNode node) {
        List<Unit> units = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode u = e.getValue();
            Map<String, String> dimensions = new LinkedHashMap<>();
            u.path("dimensions").properties().forEach(d -> dimensions.put(d.getKey(), d.getValue().asString()));
            units.add(new Unit(e.getKey(), u.path("price_key").asString(e.getKey()), new BigDecimal(u.path("per").asString()), dimensions));
        }
        return new Units(units);
    }

    private static ProviderPrice provider(JsonNode p, String at, PriceDataParser parser, Origin origin) {
        List<ModelPrice> models = new ArrayList<>();
        JsonNode list = p.path("models");
        for (int i = 0; i < list.size(); i++) {
            JsonNode m = list.get(i);
            String here = at + "/models/" + i;
            Optional<MatchRule> match = parser.match(m.get("match"), here + "/match");
            Optional<List<ConditionalPrice>> prices = parser.prices(m.get("prices"), here + "/prices");
            if (match.isPresent() && prices.isPresent()) {
                models.add(new ModelPrice(m.path("id").asString(""), m.path("name").asString(""), match.get(), prices.get(),
                        m.path("price_comments").asString(""), m.path("deprecated").asBoolean(false), origin));
            }
        }
        List<String> urls = new ArrayList<>();
        p.path("pricing_urls").forEach(u -> urls.add(u.asString()));
        List<String> fallbacks = new ArrayList<>();
        p.path("fallback_model_providers").forEach(f -> fallbacks.add(f.asString()));
        Optional<MatchRule> providerMatch = p.has("provider_match") ? parser.match(p.get("provider_match"), at + "/provider_match") : Optional.empty();
        Optional<MatchRule> modelMatch = p.has("model_match") ? parser.match(p.get("model_match"), at + "/model_match") : Optional.empty();
        return new ProviderPrice(p.path("id").asString(""), p.path("name").asString(""), urls, providerMatch, modelMatch, fallbacks, models, origin);
    }
}
