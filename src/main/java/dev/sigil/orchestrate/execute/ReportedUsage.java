package dev.sigil.orchestrate.execute;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.event.Usage;
import tools.jackson.databind.JsonNode;

/**
 * The usage a command step reports (docs/orchestrate.md, "Usage of a command step"), made into the step's counts and
 * usage record. One JSON object, in the contract's names ({@code model}, {@code input_tokens} with the cache
 * included, {@code output_tokens}, {@code cache_read_tokens}, {@code cache_write_tokens},
 * {@code cache_write_1h_tokens}, {@code reasoning_tokens}), OpenAI's ({@code prompt_tokens},
 * {@code completion_tokens}, {@code prompt_tokens_details.cached_tokens},
 * {@code completion_tokens_details.reasoning_tokens}) or Anthropic's ({@code cache_read_input_tokens} and
 * {@code cache_creation_input_tokens}, which its {@code input_tokens} leaves out and which are added to it;
 * {@code cache_creation.ephemeral_1h_input_tokens}). Several objects (one per call) add up when they name the same
 * model. What cannot be used is said in {@link #warnings} and left out, never guessed: a model that is not
 * {@code provider:model-id}, parts larger than their whole, several models.
 *
 * @param input input tokens, or -1 when not reported
 * @param output output tokens, or -1 when not reported
 * @param total total tokens, or -1 when not reported
 * @param usage the record, when a model was named and the counts are known
 * @param warnings what was reported and not used
 */
record ReportedUsage(long input, long output, long total, Usage usage, List<String> warnings) {

    static final ReportedUsage NONE = new ReportedUsage(-1, -1, -1, Usage.NONE, List.of());

    ReportedUsage {
        warnings = List.copyOf(warnings);
    }

    /** The usage of the objects {@code reports} (one per model call). */
    static ReportedUsage of(List<JsonNode> reports) {
        if (reports.isEmpty()) {
            return NONE;
        }
        List<String> warnings = new ArrayList<>();
        long[] sum = new long[7];
        java.util.Arrays.fill(sum, 0, 3, -1);
        String model = null;
        boolean models = false;
        for (JsonNode r : reports) {
            long[] one = counts(r, warnings);
            for (int k = 0; k < sum.length; k++) {
                if (one[k] >= 0) {
                    sum[k] = k < 3 && sum[k] < 0 ? one[k] : add(sum[k], one[k]);
                }
            }
            JsonNode m = r.get("model");
            if (m != null && m.isString()) {
                models |= model != null && !model.equals(m.stringValue());
                model = model == null ? m.stringValue() : model;
            } else if (m != null && !m.isNull()) {
                warnings.add("the usage's model is not a string: left out");
            }
        }
        if (models) {
            warnings.add("the step reported calls of several models; a step has one usage record: its tokens are counted as"
                    + " an unknown model's (unpriced)");
            model = null;
        }
        return new ReportedUsage(sum[0], sum[1], sum[2], record(model, sum, warnings), warnings);
    }

    /** [input, output, total, cache read, cache write, one-hour write, reasoning]; -1 for what is not there. */
    private static long[] counts(JsonNode u, List<String> warnings) {
        boolean anthropic = u.has("cache_read_input_tokens") || u.has("cache_creation_input_tokens");
        long in = first(u, warnings, "input_tokens", "prompt_tokens");
        long read = first(u, warnings, "cache_read_tokens", "cache_read_input_tokens");
        long details = count(u.path("prompt_tokens_details"), "cached_tokens", warnings);
        read = read < 0 ? details : read;
        long write = first(u, warnings, "cache_write_tokens", "cache_creation_input_tokens");
        long write1h = first(u, warnings, "cache_write_1h_tokens");
        long ephemeral1h = count(u.path("cache_creation"), "ephemeral_1h_input_tokens", warnings);
        write1h = write1h < 0 ? ephemeral1h : write1h;
        if (anthropic && in >= 0) {
            in = add(add(in, Math.max(0, read)), Math.max(0, write)); // Anthropic's input_tokens leaves the cache out
        }
        long out = first(u, warnings, "output_tokens", "completion_tokens");
        long reasoning = first(u, warnings, "reasoning_tokens");
        long thought = count(u.path("completion_tokens_details"), "reasoning_tokens", warnings);
        reasoning = reasoning < 0 ? thought : reasoning;
        return new long[] {in, out, first(u, warnings, "total_tokens"), read, write, write1h, reasoning};
    }

    private static Usage record(String model, long[] c, List<String> warnings) {
        if (model == null || c[0] < 0 || c[1] < 0) {
            return Usage.NONE;
        }
        long read = Math.max(0, c[3]);
        long write = Math.max(0, c[4]);
        long write1h = Math.max(0, c[5]);
        long reasoning = Math.max(0, c[6]);
        try {
            return Usage.of(model, c[0], c[1], read, write, write1h, reasoning);
        } catch (IllegalArgumentException e) {
            try {
                Usage plain = Usage.of(model, c[0], c[1], 0, 0, 0, 0);
                warnings.add("the usage's cache or reasoning counts do not fit its totals (" + e.getMessage() + "): left out");
                return plain;
            } catch (IllegalArgumentException again) {
                warnings.add("the usage cannot be a usage record (" + again.getMessage() + "): its tokens are counted as an"
                        + " unknown model's");
                return Usage.NONE;
            }
        }
    }

    private static long first(JsonNode u, List<String> warnings, String... names) {
        for (String name : names) {
            long v = count(u, name, warnings);
            if (v >= 0) {
                return v;
            }
        }
        return -1;
    }

    /** A non-negative whole number member, or -1 (with a warning when it is there but is not one). */
    private static long count(JsonNode u, String name, List<String> warnings) {
        JsonNode v = u.get(name);
        if (v == null || v.isNull()) {
            return -1;
        }
        if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0) {
            return v.longValue();
        }
        warnings.add("the usage's " + name + " is not a whole number of tokens: left out");
        return -1;
    }

    private static long add(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
