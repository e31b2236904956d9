package dev.sigil.contract.event;

import dev.sigil.contract.codec.FastJson;
import dev.sigil.contract.model.TokenUsage;
import dev.sigil.contract.validation.UsageRules;

/**
 * {@link Usage#read} of a usage record straight from its bytes, for {@link FastLogEvent}: the record's usage, the
 * answer {@link #NOT_CONFORMING} (the exact path would find it does not conform either), or null when not sure (a
 * count written as a float or negative, a repeated key, an escaped model, anything unusual). Not thread-safe.
 */
final class FastUsage {

    /** The record does not conform: the line's tokens are of an unknown model. Compared by identity. */
    static final Usage NOT_CONFORMING = new Usage("", -1, -1, -1, -1, -1, -1, -1);

    private static final byte[][] NAMES = FastMembers.bytes(TokenUsage.PROPERTY_NAMES);
    private static final int MODEL = TokenUsage.PROPERTY_NAMES.indexOf("model");
    /** The counts' positions in {@link TokenUsage#PROPERTY_NAMES}, in the order of {@link Usage}'s components. */
    private static final int[] COUNTS = positions("input_tokens", "output_tokens", "total_tokens", "cache_read_tokens",
            "cache_write_tokens", "cache_write_1h_tokens", "reasoning_tokens");

    private final FastMembers members;
    private final FastMembers.Fields fields = new FastMembers.Fields(NAMES.length);
    private final long[] counts = new long[COUNTS.length];
    private String lastModel;
    private boolean lastMatched;

    FastUsage(FastMembers members) {
        this.members = members;
    }

    /** The usage of the record {@code b[start, end)}, {@link #NOT_CONFORMING}, or null when not sure. */
    Usage read(byte[] b, int start, int end, FastLogEvent strings) {
        if (b[start] != '{') {
            return NOT_CONFORMING;
        }
        fields.clear();
        if (members.members(b, start, end, NAMES, fields) < 0 || fields.repeated) {
            return null;
        }
        if (fields.other) {
            return NOT_CONFORMING;
        }
        for (int k = 0; k < COUNTS.length; k++) {
            int f = COUNTS[k];
            counts[k] = fields.has(f) ? plainCount(b, fields.start[f], fields.end[f]) : 0;
            if (counts[k] < 0) {
                return null;
            }
        }
        if (!fields.has(COUNTS[0]) || !fields.has(COUNTS[1]) || !fields.has(COUNTS[2]) || !fields.has(MODEL)) {
            return NOT_CONFORMING;
        }
        int ms = fields.start[MODEL];
        if (b[ms] != '"' || members.scan.string(b, ms, fields.end[MODEL]) < 0 || members.scan.escaped) {
            return null;
        }
        String model = strings.shared(b, ms, fields.end[MODEL]);
        if (!modelMatches(model) || !UsageRules.hold(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6])) {
            return NOT_CONFORMING;
        }
        return new Usage(model, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]);
    }

    /** The schema's pattern; the last model checked is remembered (a log names few models, each on many lines). */
    private boolean modelMatches(String model) {
        if (!model.equals(lastModel)) {
            lastModel = model;
            lastMatched = TokenUsage.MODEL_PATTERN.matcher(model).find();
        }
        return lastMatched;
    }

    /** A non-negative integer of at most 18 digits written plainly; -1 for anything else (not sure). */
    private long plainCount(byte[] b, int s, int e) {
        if (e - s > 18 || b[s] < '0' || b[s] > '9') {
            return -1;
        }
        members.scan.number(b, s, e);
        if (!members.scan.integral) {
            return -1;
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    private static int[] positions(String... names) {
        int[] out = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = TokenUsage.PROPERTY_NAMES.indexOf(names[i]);
            if (out[i] < 0) {
                throw new IllegalStateException("the schema's usage record has no " + names[i]);
            }
        }
        return out;
    }
}
