package dev.sigil.testing;

import java.math.BigInteger;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Usage records ({@code tokens_used}), about half of them keeping every rule of the contract, the rest broken the
 * ways producers break them: a total that is not the sum, cache counts added to input instead of counted in it,
 * one-hour writes beyond the writes, reasoning beyond output, a model without its provider, wrong types, missing and
 * extra keys, counts at the edges of 64 bits.
 */
public final class UsageArbitraries {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    /** Models as producers write them, most of them priced in the snapshot. */
    public static final List<String> MODELS = List.of("anthropic:claude-opus-4-5-20251101", "anthropic:claude-sonnet-4-5",
            "openai:gpt-4o", "openai:gpt-4o-mini-2024-07-18", "google:gemini-2.5-pro", "aws:anthropic.claude-3-5-sonnet-20240620-v1:0",
            "deepseek:deepseek-chat", "mycorp:internal-llm-7b", "x-ai:grok-4", "a:b");
    private static final List<String> BAD_MODELS = List.of("claude-opus-4-5", "anthropic:", ":gpt-4o", "anthropic: claude", "anthropic:\u00e9",
            "-openai:gpt-4o", "open ai:gpt-4o", "", "\u0662:x", "a".repeat(65) + ":x", "anthropic\n:claude", "anthropic:\nclaude");

    private UsageArbitraries() {
    }

    /** Records that keep every rule. */
    public static Arbitrary<ObjectNode> valid() {
        Arbitrary<Long> input = Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.longs().between(0, 300_000)),
                Tuple.of(1, Arbitraries.longs().between(0, 1L << 40)), Tuple.of(1, Arbitraries.of(0L, 200_000L, 200_001L)));
        Arbitrary<Long> output = Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.longs().between(0, 64_000)), Tuple.of(1, Arbitraries.of(0L, 1L)));
        Arbitrary<double[]> parts = Arbitraries.doubles().between(0, 1).array(double[].class).ofSize(4);
        Arbitrary<Integer> present = Arbitraries.integers().between(0, 15);
        return Combinators.combine(input, output, parts, present, Arbitraries.of(MODELS)).as((in, out, f, mask, model) -> {
            long read = (long) (in * f[0]);
            long write = (long) ((in - read) * f[1]);
            long oneHour = (long) (write * f[2]);
            long reasoning = (long) (out * f[3]);
            ObjectNode u = NODES.objectNode();
            u.put("input_tokens", in);
            u.put("output_tokens", out);
            u.put("total_tokens", in + out);
            u.put("model", model);
            if ((mask & 1) != 0 || read > 0 && (mask & 8) != 0) {
                u.put("cache_read_tokens", read);
            }
            if ((mask & 2) != 0 || oneHour > 0) {
                u.put("cache_write_tokens", write);
                if ((mask & 4) != 0 || oneHour > 0) {
                    u.put("cache_write_1h_tokens", oneHour);
                }
            }
            if ((mask & 8) != 0) {
                u.put("reasoning_tokens", reasoning);
            }
            return u;
        });
    }

    /** Records, valid or broken, and now and then something that is not a record at all. */
    public static Arbitrary<JsonNode> records() {
        Arbitrary<JsonNode> broken = Combinators.combine(valid(), mutations()).as((u, m) -> m.apply(u));
        return Arbitraries.frequencyOf(Tuple.of(10, valid().map(u -> (JsonNode) u)), Tuple.of(10, broken),
                Tuple.of(1, JsonArbitraries.leaves()), Tuple.of(1, Arbitraries.just((JsonNode) NODES.arrayNode())));
    }

    /** One way to break a record (some of them keep it valid: 5.0 is an integer to JSON Schema). */
    @FunctionalInterface
    public interface Mutation {
        JsonNode apply(ObjectNode record);
    }

    private static Arbitrary<Mutation> mutations() {
        Arbitrary<String> count = Arbitraries.of("input_tokens", "output_tokens", "total_tokens", "cache_read_tokens", "cache_write_tokens",
                "cache_write_1h_tokens", "reasoning_tokens");
        Arbitrary<JsonNode> odd = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(NODES.numberNode(-1), NODES.numberNode(5.0), NODES.numberNode(5.5), NODES.stringNode("320"),
                        NODES.nullNode(), NODES.booleanNode(true), NODES.numberNode(LONG_MAX), NODES.numberNode(LONG_MAX.add(BigInteger.ONE)),
                        NODES.numberNode(0x1p63), NODES.numberNode(1e300))),
                Tuple.of(1, EntryArbitraries.counts()));
        return Arbitraries.oneOf(
                Arbitraries.of(1L, -1L, 100L).map(d -> r -> with(r, "total_tokens", NODES.numberNode(r.get("total_tokens").longValue() + d))),
                Arbitraries.longs().between(1, 1000).map(d -> r -> with(r, "cache_read_tokens",
                        NODES.numberNode(r.get("input_tokens").longValue() - r.path("cache_write_tokens").asLong(0) + d))),
                Arbitraries.longs().between(1, 1000).map(d -> r -> with(r, "cache_write_1h_tokens",
                        NODES.numberNode(r.path("cache_write_tokens").asLong(0) + d))),
                Arbitraries.longs().between(1, 1000).map(d -> r -> with(r, "reasoning_tokens",
                        NODES.numberNode(r.get("output_tokens").longValue() + d))),
                Arbitraries.of(BAD_MODELS).map(m -> r -> with(r, "model", NODES.stringNode(m))),
                Arbitraries.of(NODES.numberNode(7), NODES.nullNode()).map(m -> r -> with(r, "model", m)),
                Combinators.combine(count, odd).as((k, v) -> r -> with(r, k, v)),
                Arbitraries.of("input_tokens", "output_tokens", "total_tokens", "model").map(k -> r -> {
                    ObjectNode c = r.deepCopy();
                    c.remove(k);
                    return c;
                }),
                Arbitraries.of("cache_read_input_tokens", "cost_usd", "prompt_tokens", "Model").map(k -> r -> with(r, k, NODES.numberNode(3))),
                // Counts so large that their sum passes 2^63: a rule must not be fooled by overflow.
                Arbitraries.just(r -> {
                    ObjectNode c = r.deepCopy();
                    c.put("input_tokens", Long.MAX_VALUE);
                    c.put("output_tokens", Long.MAX_VALUE);
                    c.put("total_tokens", Long.MAX_VALUE);
                    c.put("cache_read_tokens", Long.MAX_VALUE);
                    c.put("cache_write_tokens", 1);
                    c.remove("cache_write_1h_tokens");
                    return c;
                }));
    }

    private static JsonNode with(ObjectNode record, String key, JsonNode value) {
        ObjectNode c = record.deepCopy();
        c.set(key, value);
        return c;
    }
}
