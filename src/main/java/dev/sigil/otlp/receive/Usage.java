package dev.sigil.otlp.receive;

import dev.sigil.contract.model.TokenUsage;
import dev.sigil.contract.validation.UsageRules;
import dev.sigil.otlp.GenAiNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract's usage record (docs/contract.md §5) of a span's or a record's {@code gen_ai.*} attributes, or null when
 * they state no input and output tokens or no model. The model is {@code provider:model-id}: the provider from
 * {@code gen_ai.provider.name} (else the older {@code gen_ai.system}, else {@code unknown}), the id from
 * {@code gen_ai.response.model} or {@code gen_ai.request.model}. Instrumentations that count the cache outside the
 * input (Anthropic's raw counts) are put right: when the cache parts exceed the input, they are added to it.
 */
final class Usage {

    private static final String RESPONSE_MODEL = "gen_ai.response.model";

    private Usage() {
    }

    static JsonNode record(ObjectNode a) {
        long in = EntryMapper.integer(a, GenAiNames.USAGE_INPUT_TOKENS);
        long out = EntryMapper.integer(a, GenAiNames.USAGE_OUTPUT_TOKENS);
        String model = model(a);
        if (in < 0 || out < 0 || model == null) {
            return null;
        }
        long read = Math.max(0, EntryMapper.integer(a, GenAiNames.USAGE_CACHE_READ_INPUT_TOKENS));
        long write = Math.max(0, EntryMapper.integer(a, GenAiNames.USAGE_CACHE_CREATION_INPUT_TOKENS));
        long reasoning = Math.max(0, EntryMapper.integer(a, GenAiNames.USAGE_REASONING_OUTPUT_TOKENS));
        if (read + write > in) {
            in += read + write;
        }
        if (in > Long.MAX_VALUE - out || !UsageRules.hold(in, out, in + out, read, write, 0, Math.min(reasoning, out))) {
            return null;
        }
        ObjectNode u = JsonNodeFactory.instance.objectNode().put("input_tokens", in).put("output_tokens", out).put("total_tokens", in + out)
                .put("model", model);
        if (read > 0) {
            u.put("cache_read_tokens", read);
        }
        if (write > 0) {
            u.put("cache_write_tokens", write);
        }
        if (reasoning > 0) {
            u.put("reasoning_tokens", Math.min(reasoning, out));
        }
        return u;
    }

    private static String model(ObjectNode a) {
        String id = EntryMapper.text(a, RESPONSE_MODEL);
        if (id.isEmpty()) {
            id = EntryMapper.text(a, GenAiNames.REQUEST_MODEL);
        }
        if (id.isEmpty() || id.charAt(0) < '!' || id.charAt(0) > '~') {
            return null;
        }
        String provider = EntryMapper.text(a, GenAiNames.PROVIDER_NAME);
        if (provider.isEmpty()) {
            provider = EntryMapper.text(a, GenAiNames.SYSTEM);
        }
        provider = provider.replaceAll("[^A-Za-z0-9_.-]", "-");
        if (provider.isEmpty() || !Character.isLetterOrDigit(provider.charAt(0)) || provider.charAt(0) > 127) {
            provider = "unknown";
        }
        String full = (provider.length() > 64 ? provider.substring(0, 64) : provider) + ":" + id;
        return TokenUsage.MODEL_PATTERN.matcher(full).find() ? full : null;
    }
}
