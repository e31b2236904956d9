package dev.sigil.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import dev.sigil.compat.CompatTools;
import dev.sigil.prices.BundledPrices;
import dev.sigil.contract.event.Usage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * sigil's prices are {@code @pydantic/genai-prices}' own: the package's {@code calcPrice} under node prices thousands
 * of generated calls ({@link PriceQueries}: every model of the snapshot, tiers crossed, cache counts set and unset,
 * timestamps at both sides of every conditional price) and sigil's figures agree to 1e-9 relative, with the same
 * provider and model found; what one leaves unpriced, the other does too. The bundled resource is what the
 * converter makes of the pinned package.
 */
@Tag("compat")
class PriceCompatTest {

    private static final long SEED = Long.getLong("sigil.compat.seed", System.nanoTime());
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-9");
    private static final int BATCH = 2_000;

    private static GenaiPricesOracle oracle;
    private final PriceCatalog catalog = BundledPrices.catalog();
    private final PriceCalculator calculator = new PriceCalculator(catalog);

    @BeforeAll
    static void start() throws Exception {
        oracle = GenaiPricesOracle.start();
        System.out.println("compat: @pydantic/genai-prices " + oracle.version() + " under node; seed " + SEED
                + " (rerun with -Dsigil.compat.seed=" + SEED + ")");
    }

    @AfterAll
    static void stop() {
        if (oracle != null) {
            oracle.close();
        }
    }

    @Test
    void sigilPricesEveryCallAsGenaiPricesDoes() throws IOException {
        List<PriceQueries.Query> queries = new PriceQueries(new Random(SEED), catalog).all();
        Map<String, Integer> seen = new TreeMap<>();
        Set<String> modelsPriced = new HashSet<>();
        for (int from = 0; from < queries.size(); from += BATCH) {
            List<PriceQueries.Query> batch = queries.subList(from, Math.min(queries.size(), from + BATCH));
            List<ObjectNode> requests = new ArrayList<>();
            batch.forEach(q -> requests.add(request(q)));
            List<JsonNode> answers = oracle.calc(requests);
            for (int i = 0; i < batch.size(); i++) {
                compare(batch.get(i), answers.get(i), requests.get(i), seen, modelsPriced);
            }
        }
        System.out.printf("compat: %,d calls priced alike by sigil and genai-prices (seed %d): %s; %,d of %,d models priced%n",
                queries.size(), SEED, seen, modelsPriced.size(), catalog.providers().stream().mapToInt(p -> p.models().size()).sum());
        assertThat(queries.size()).isGreaterThan(5_000);
        assertThat(seen.getOrDefault("priced", 0)).isGreaterThan(4_000);
        assertThat(seen.getOrDefault("unpriced", 0)).isGreaterThan(50);
        assertThat(seen.getOrDefault("above a tier", 0)).isGreaterThan(100);
        assertThat(seen.getOrDefault("conditional, not the default", 0)).isGreaterThan(20);
        assertThat(seen.getOrDefault("conditional, the default", 0)).isGreaterThan(20);
        assertThat(seen.getOrDefault("one-hour writes priced", 0)).isGreaterThan(50);
        assertThat(modelsPriced.size()).as("models priced under their own id").isGreaterThan(1_500);
    }

    private void compare(PriceQueries.Query q, JsonNode js, ObjectNode request, Map<String, Integer> seen, Set<String> modelsPriced) {
        Lookup lookup = catalog.find(q.provider(), q.model());
        String where = "request " + request + " (seed " + SEED + ")";
        assertThat(js.has("error")).as("genai-prices threw %s on %s", js.path("error"), where).isFalse();
        if (!lookup.found()) {
            assertThat(js.path("unpriced").asBoolean(false)).as("sigil leaves unpriced (%s), genai-prices prices %s: %s", lookup.whyNot(), js, where).isTrue();
            count(seen, "unpriced");
            return;
        }
        assertThat(js.path("unpriced").asBoolean(false)).as("genai-prices leaves unpriced, sigil finds %s: %s", lookup.modelWhy(), where).isFalse();
        Cost cost = calculator.price(UsageKeys.of(usage(q)), lookup, q.at());
        assertThat(lookup.provider().orElseThrow().id()).as("provider, " + where).isEqualTo(js.get("provider").stringValue());
        assertThat(lookup.model().orElseThrow().id()).as("model, " + where).isEqualTo(js.get("model").stringValue());
        close(cost.input(), js.get("input").decimalValue(), "input_price", where);
        close(cost.output(), js.get("output").decimalValue(), "output_price", where);
        close(cost.total(), js.get("total").decimalValue(), "total_price", where);
        count(seen, "priced");
        if (lookup.model().get().id().equals(q.from())) {
            modelsPriced.add(lookup.provider().get().id() + ":" + q.from());
        }
        statistics(q, lookup.model().get(), cost, seen);
    }

    private static void statistics(PriceQueries.Query q, ModelPrice model, Cost cost, Map<String, Integer> seen) {
        PriceSet prices = model.prices().get(cost.priceIndex()).prices();
        if (prices.rates().values().stream().anyMatch(r -> r instanceof Rate.Tiered t && !t.at(q.input()).equals(t.base()))) {
            count(seen, "above a tier");
        }
        if (model.conditional()) {
            count(seen, model.prices().get(cost.priceIndex()).constraint().isPresent() ? "conditional, not the default" : "conditional, the default");
        }
        if (prices.rates().containsKey("cache_write_1h_mtok") && q.cacheWrite1h().orElse(0) > 0) {
            count(seen, "one-hour writes priced");
        }
        if (q.cacheRead().isEmpty() && q.cacheWrite().isEmpty()) {
            count(seen, "no cache counts");
        }
    }

    private static void count(Map<String, Integer> seen, String what) {
        seen.merge(what, 1, Integer::sum);
    }

    /** |sigil - js| <= 1e-9 * max(|sigil|, |js|): equal to a billionth. */
    private static void close(BigDecimal sigil, BigDecimal js, String what, String where) {
        BigDecimal difference = sigil.subtract(js).abs();
        BigDecimal bound = TOLERANCE.multiply(sigil.abs().max(js.abs()), MathContext.DECIMAL64);
        assertThat(difference.compareTo(bound) <= 0).as("%s: sigil %s, genai-prices %s, on %s", what, sigil.toPlainString(), js.toPlainString(), where)
                .isTrue();
    }

    private static Usage usage(PriceQueries.Query q) {
        return new Usage(q.model(), q.input(), q.output(), q.input() + q.output(), q.cacheRead().orElse(0), q.cacheWrite().orElse(0),
                q.cacheWrite1h().orElse(0), q.reasoning().orElse(0));
    }

    /** The request to genai-prices: the counts the record states, and only those (an absent count stays absent). */
    private static ObjectNode request(PriceQueries.Query q) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        if (q.provider() == null) {
            r.putNull("provider");
        } else {
            r.put("provider", q.provider());
        }
        r.put("model", q.model());
        ObjectNode u = r.putObject("usage");
        u.put("input_tokens", q.input());
        u.put("output_tokens", q.output());
        q.cacheRead().ifPresent(n -> u.put("cache_read_tokens", n));
        q.cacheWrite().ifPresent(n -> u.put("cache_write_tokens", n));
        q.cacheWrite1h().ifPresent(n -> u.put("cache_write_1h_tokens", n));
        q.reasoning().ifPresent(n -> u.put("output_reasoning_tokens", n));
        r.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(q.at()));
        return r;
    }

    @Test
    void theDataRegularExpressionsMatchInJavaAsInJavaScript() throws IOException {
        Set<String> sources = new java.util.LinkedHashSet<>(List.of("a$", "^a.b$", "a\\s", "a\\S", "\\bx\\b", "\\Bx", "[^]", "[\\s\\S]x",
                "[a\\S]", "^[^/]+$", "[\\b]", "x[&&]y", "[[]"));
        List<String> texts = new ArrayList<>(List.of("a", "a\n", "a\u0085", "a\u2028b", "a\rb", "a\u00a0", "x\u00a0y", "\u00e9x", "x", "a b",
                "ax", "zxz", "_x_", "a\u3000", "a\ufeff", "\b", "&", "x&y", "[", "gpt-4o", "o3-mini", "claude-opus-4-5-20251101"));
        for (ProviderPrice p : catalog.providers()) {
            p.modelMatch().ifPresent(r -> regexes(r, sources));
            p.providerMatch().ifPresent(r -> regexes(r, sources));
            for (ModelPrice m : p.models()) {
                regexes(m.match(), sources);
                if (texts.size() < 3_000) {
                    texts.add(m.id());
                    texts.add(m.id() + "\n");
                    texts.add("x-" + m.id() + "-tts");
                }
            }
        }
        List<ObjectNode> requests = new ArrayList<>();
        for (String source : sources) {
            for (String text : texts) {
                requests.add(JsonNodeFactory.instance.objectNode().put("regex", source).put("text", text));
            }
        }
        List<JsonNode> answers = new ArrayList<>();
        for (int from = 0; from < requests.size(); from += BATCH * 10) {
            answers.addAll(oracle.calc(requests.subList(from, Math.min(requests.size(), from + BATCH * 10))));
        }
        int matches = 0;
        for (int i = 0; i < requests.size(); i++) {
            String source = requests.get(i).get("regex").stringValue();
            String text = requests.get(i).get("text").stringValue();
            boolean java = MatchRule.Regex.of(source).matches(text);
            assertThat(java).as("/%s/ on %s: JavaScript says %s", source, requests.get(i).get("text"), answers.get(i)).isEqualTo(answers.get(i).get("match").asBoolean());
            matches += java ? 1 : 0;
        }
        System.out.printf("compat: %d regular expressions (%d of the data) agree with JavaScript on %,d texts (%,d matches)%n",
                sources.size(), sources.size() - 13, texts.size(), matches);
    }

    private static void regexes(MatchRule rule, Set<String> into) {
        if (rule instanceof MatchRule.Regex r) {
            into.add(r.source());
        } else if (rule instanceof MatchRule.Or or) {
            or.any().forEach(x -> regexes(x, into));
        } else if (rule instanceof MatchRule.And and) {
            and.all().forEach(x -> regexes(x, into));
        }
    }

    @Test
    void theBundledDataIsThePinnedPackagesConverted() throws Exception {
        assertThat(catalog.snapshot().version()).isEqualTo(oracle.version());
        ProcessResult r = new ProcessExecutor("node", CompatTools.root().resolve("scripts/prices/genai-prices-to-json.cjs").toString(), "--check")
                .readOutput(true).redirectErrorStream(true).timeout(2, TimeUnit.MINUTES).execute();
        assertThat(r.getExitValue()).as(r.outputUTF8()).isZero();
        assertThat(BundledPrices.licence()).contains("MIT License").contains("Pydantic");
    }
}
