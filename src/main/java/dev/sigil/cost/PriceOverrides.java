package dev.sigil.cost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.sigil.contract.validation.YamlLines;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Prices for models the snapshot lacks or that a user pays differently for: {@code ~/.sigil/prices.yaml} and
 * {@code --prices FILE} (docs/cost.md has the format). Read strictly, every problem reported as
 * {@code FILE:LINE: KEY: what is wrong}; an override's models are tried before the snapshot's models of the same
 * provider, so they win. Pure: the caller reads the file.
 */
public final class PriceOverrides {

    private static final YAMLMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final Set<String> PROVIDER_KEYS = Set.of("name", "models");
    private static final Set<String> MODEL_KEYS = Set.of("name", "match", "prices", "comment");

    /**
     * What a file holds.
     *
     * @param providers its providers, each with the models it prices (no models when it has errors)
     * @param errors every problem, as FILE:LINE: KEY: message; the file is unusable when there is any
     */
    public record Result(List<ProviderPrice> providers, List<String> errors) {
    }

    private final String file;
    private final YamlLines lines;
    private final PriceDataParser parser;
    private final List<String> errors = new ArrayList<>();

    private PriceOverrides(String file, byte[] bytes, Units units) {
        this.file = file;
        this.lines = YamlLines.of(bytes);
        this.parser = new PriceDataParser(units, true, this::problem);
    }

    /** Reads {@code bytes}, the content of {@code file} (as it is named in messages). */
    public static Result read(String file, byte[] bytes, Units units) {
        PriceOverrides reader = new PriceOverrides(file, bytes, units);
        List<ProviderPrice> providers = reader.parse(bytes);
        return new Result(reader.errors.isEmpty() ? providers : List.of(), List.copyOf(reader.errors));
    }

    /** {@code base} with {@code overrides} applied: their models first in a provider they share, new providers first. */
    public static List<ProviderPrice> applyTo(List<ProviderPrice> base, List<ProviderPrice> overrides) {
        Map<String, ProviderPrice> merged = new LinkedHashMap<>();
        base.forEach(p -> merged.put(p.id(), p));
        List<ProviderPrice> added = new ArrayList<>();
        for (ProviderPrice o : overrides) {
            ProviderPrice known = merged.get(o.id());
            if (known != null) {
                merged.put(o.id(), known.withModelsFirst(o.models()));
            } else {
                added.add(o);
            }
        }
        List<ProviderPrice> out = new ArrayList<>(added);
        out.addAll(merged.values());
        return out;
    }

    private List<ProviderPrice> parse(byte[] bytes) {
        JsonNode root;
        try {
            root = YAML.readTree(bytes);
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            String reason = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().strip().lines().findFirst().orElse("");
            errors.add(file + (loc == null || loc.getLineNr() < 1 ? "" : ":" + loc.getLineNr()) + ": not valid YAML: " + reason);
            return List.of();
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        if (!root.isObject()) {
            problem("", "expected a mapping with the key providers");
            return List.of();
        }
        root.propertyNames().stream().filter(k -> !k.equals("providers")).forEach(k -> problem("/" + YamlLines.pointerToken(k),
                "unknown key (the file holds providers: PROVIDER: models: MODEL: prices: ...)"));
        JsonNode providers = root.get("providers");
        if (providers == null || providers.isNull()) {
            return List.of();
        }
        if (!providers.isObject()) {
            problem("/providers", "expected a mapping of provider ids");
            return List.of();
        }
        List<ProviderPrice> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : providers.properties()) {
            provider(e.getKey(), e.getValue(), "/providers/" + YamlLines.pointerToken(e.getKey())).ifPresent(out::add);
        }
        return out;
    }

    private Optional<ProviderPrice> provider(String id, JsonNode node, String at) {
        if (!PROVIDER_ID.matcher(id).matches()) {
            problem(at, "a provider id is lower-case letters, digits, '_', '.' or '-' (as in provider:model-id): " + id);
            return Optional.empty();
        }
        if (node.isObject()) {
            unknownKeys(node, PROVIDER_KEYS, at);
        }
        if (!node.isObject() || !node.path("models").isObject()) {
            problem(at, "a provider is a mapping with models: MODEL: prices: ...");
            return Optional.empty();
        }
        List<ModelPrice> models = new ArrayList<>();
        for (Map.Entry<String, JsonNode> m : node.get("models").properties()) {
            model(m.getKey(), m.getValue(), at + "/models/" + YamlLines.pointerToken(m.getKey())).ifPresent(models::add);
        }
        String name = node.path("name").asString(id);
        return Optional.of(new ProviderPrice(id, name, List.of(), Optional.empty(), Optional.empty(), List.of(), models,
                new Origin(file, lines.lineOf(at))));
    }

    private Optional<ModelPrice> model(String id, JsonNode node, String at) {
        if (!node.isObject() || !node.has("prices")) {
            problem(at, "a model is a mapping with prices (and optionally name and match)");
            return Optional.empty();
        }
        unknownKeys(node, MODEL_KEYS, at);
        Optional<MatchRule> match = node.has("match") ? parser.match(node.get("match"), at + "/match") : Optional.of(new MatchRule.Text(MatchRule.Op.EQUALS, id));
        Optional<List<ConditionalPrice>> prices = parser.prices(node.get("prices"), at + "/prices");
        if (match.isEmpty() || prices.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ModelPrice(id, node.path("name").asString(id), match.get(), prices.get(), node.path("comment").asString(""),
                false, new Origin(file, lines.lineOf(at))));
    }

    private void unknownKeys(JsonNode node, Set<String> known, String at) {
        node.propertyNames().stream().filter(k -> !known.contains(k)).forEach(k -> problem(at + "/" + YamlLines.pointerToken(k),
                "unknown key (known here: " + String.join(", ", known.stream().sorted().toList()) + ")"));
    }

    private void problem(String pointer, String message) {
        errors.add(file + ":" + lines.lineOf(pointer) + ": " + YamlLines.dotted(pointer) + ": " + message);
    }
}
