package dev.sigil.contract.format;

import java.util.List;
import java.util.OptionalLong;

import dev.sigil.contract.event.Usage;
import dev.sigil.contract.model.TokenUsage;
import dev.sigil.contract.validation.UsageRules;
import dev.sigil.contract.validation.Violation;
import tools.jackson.databind.JsonNode;

/**
 * A definition's {@code usage}: a usage record in the contract's shape taken whole, or the counts, model and provider
 * one by one (docs/formats.md §6). The usage it builds keeps the contract's rules (docs/contract.md §5) or is not a
 * usage: a line whose counts break them has its tokens counted as an unknown model's, and the problem is said.
 * Thread-safe (immutable but for a remembered check of the last model id).
 */
final class UsageSpec {

    static final UsageSpec NONE = new UsageSpec(null, Value.NONE, Value.NONE, Value.NONE, Value.NONE, Value.NONE, Value.NONE, Value.NONE,
            Value.NONE, Value.NONE);

    /** A usage, and a problem with the counts the line gave (null when none). */
    record Built(Usage usage, Violation problem) {
    }

    private final FieldPath record;
    private final Value input;
    private final Value output;
    private final Value total;
    private final Value cacheRead;
    private final Value cacheWrite;
    private final Value cacheWrite1h;
    private final Value reasoning;
    private final Value model;
    private final Value provider;

    private UsageSpec(FieldPath record, Value input, Value output, Value total, Value cacheRead, Value cacheWrite, Value cacheWrite1h,
                      Value reasoning, Value model, Value provider) {
        this.record = record;
        this.input = input;
        this.output = output;
        this.total = total;
        this.cacheRead = cacheRead;
        this.cacheWrite = cacheWrite;
        this.cacheWrite1h = cacheWrite1h;
        this.reasoning = reasoning;
        this.model = model;
        this.provider = provider;
    }

    static UsageSpec of(JsonNode spec, Paths paths) {
        if (spec == null) {
            return NONE;
        }
        FieldPath record = spec.has("record") ? paths.one(spec.get("record").stringValue(), "record") : null;
        return new UsageSpec(record, value(spec, "input", paths), value(spec, "output", paths), value(spec, "total", paths),
                value(spec, "cache_read", paths), value(spec, "cache_write", paths), value(spec, "cache_write_1h", paths),
                value(spec, "reasoning", paths), value(spec, "model", paths), value(spec, "provider", paths));
    }

    private static Value value(JsonNode spec, String key, Paths paths) {
        return Value.of(spec.get(key), paths.at(key));
    }

    /** Every path it reads (for {@link Projection}): a usage record whole, as it is checked whole. */
    void reads(List<Projection.Read> out) {
        if (record != null) {
            out.add(new Projection.Read(record, true));
        }
        for (Value v : List.of(input, output, total, cacheRead, cacheWrite, cacheWrite1h, reasoning, model, provider)) {
            v.reads(out, false);
        }
    }

    /** The usage of {@code r}; {@code tokens} (-1 for none) are the line's own, counted when it states no usage. */
    Built build(Record r, long tokens) {
        long own = Math.max(0, tokens);
        if (record != null) {
            return new Built(Usage.read(r.at(record, true), own), null);
        }
        long in = input.count(r);
        long out = output.count(r);
        if (in < 0 && out < 0) {
            return new Built(Usage.unknownModel(own), null);
        }
        in = Math.max(0, in);
        out = Math.max(0, out);
        long sum = in > Long.MAX_VALUE - out ? -1 : in + out;
        long all = total.count(r);
        if (all < 0) {
            all = sum;
        }
        long read = cacheRead.count(r);
        long write = cacheWrite.count(r);
        long write1h = cacheWrite1h.count(r);
        long thinking = reasoning.count(r);
        String id = modelId(r);
        if (all < 0 || !UsageRules.hold(in, out, all, read, write, write1h, thinking)) {
            TokenUsage broken = new TokenUsage(in, out, Math.max(0, all), id, opt(read), opt(write), opt(write1h), opt(thinking));
            List<Violation> why = UsageRules.violations(broken, "/usage");
            Violation first = why.isEmpty() ? new Violation("/usage/total", UsageRules.TOTAL, "input + output is beyond any count") : why.get(0);
            return new Built(Usage.unknownModel(tokens >= 0 ? own : Math.max(0, all)), first);
        }
        if (id.isEmpty() || !modelMatches(id)) {
            return new Built(Usage.unknownModel(all), null);
        }
        return new Built(new Usage(id, in, out, all, Math.max(0, read), Math.max(0, write), Math.max(0, write1h), Math.max(0, thinking)), null);
    }

    /** A model id and whether the schema's pattern finds it. */
    private record Checked(String id, boolean matches) {
    }

    /** The last model id checked (a log names few models, each on many lines); shared by the decoding threads. */
    private volatile Checked lastChecked = new Checked("", false);

    /** Whether the schema's pattern finds {@code id}. */
    private boolean modelMatches(String id) {
        Checked last = lastChecked;
        if (!last.id.equals(id)) {
            last = new Checked(id, TokenUsage.MODEL_PATTERN.matcher(id).find());
            lastChecked = last;
        }
        return last.matches;
    }

    /** provider:model, or the model alone when no provider is given; "" for none. */
    private String modelId(Record r) {
        String m = model.text(r);
        if (m == null) {
            m = model.textDefault();
        }
        if (m == null || m.isEmpty()) {
            return "";
        }
        String p = provider.text(r);
        if (p == null) {
            p = provider.textDefault();
        }
        return p == null || p.isEmpty() ? m : p + ":" + m;
    }

    private static OptionalLong opt(long v) {
        return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
    }
}
