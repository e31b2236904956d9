package dev.sigil.contract.format;

import tools.jackson.databind.JsonNode;

/**
 * What a definition's paths start from: one record of a line (the line itself, unless the definition has
 * {@code records}) and the scopes around it ({@code $0} the line, {@code $1} ... the elements the records path went
 * through); or a line read into {@link Slots}, which answer for every path its format reads. {@code filters}, when
 * not null, answers the filter steps of its paths (the fast path's {@link FilterIndex}).
 */
record Record(JsonNode value, JsonNode[] scopes, Slots slots, FilterIndex filters) {

    Record(JsonNode value, JsonNode[] scopes) {
        this(value, scopes, null, null);
    }

    /** A record whose filter steps are looked up in an index of its own (the fast path's; the exact path walks). */
    static Record indexed(JsonNode value, JsonNode[] scopes) {
        return new Record(value, scopes, null, new FilterIndex());
    }

    static Record ofLine(JsonNode line) {
        return new Record(line, new JsonNode[] {line});
    }

    /** A line read into slots (no tree): every path its format reads has a slot. */
    static Record ofSlots(Slots slots) {
        return new Record(null, null, slots, null);
    }

    /** The value {@code path} leads to, or null; with {@code nullCounts}, a JSON null is a value. */
    JsonNode at(FieldPath path, boolean nullCounts) {
        if (slots != null) {
            return slots.at(path, nullCounts);
        }
        int scope = path.scope();
        JsonNode start = scope < 0 ? value : scope < scopes.length ? scopes[scope] : null;
        return start == null ? null : path.resolve(start, nullCounts, filters);
    }

    /** The JSON type of the value {@code path} leads to ({@link Condition}'s bits; a JSON null is a value), or 0 for none. */
    int type(FieldPath path) {
        if (slots != null) {
            return slots.type(path);
        }
        JsonNode v = at(path, true);
        return v == null ? 0 : Condition.typeBit(v);
    }

    /** The value {@code path} leads to, or null for nothing or JSON null. */
    JsonNode at(FieldPath path) {
        return at(path, false);
    }
}
