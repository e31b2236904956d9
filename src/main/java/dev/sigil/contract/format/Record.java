package dev.sigil.contract.format;

import tools.jackson.databind.JsonNode;

/**
 * What a definition's paths start from: one record of a line (the line itself, unless the definition has
 * {@code records}) and the scopes around it ({@code $0} the line, {@code $1} ... the elements the records path went
 * through).
 */
record Record(JsonNode value, JsonNode[] scopes) {

    static Record ofLine(JsonNode line) {
        return new Record(line, new JsonNode[] {line});
    }

    /** The value {@code path} leads to, or null; with {@code nullCounts}, a JSON null is a value. */
    JsonNode at(FieldPath path, boolean nullCounts) {
        int scope = path.scope();
        JsonNode start = scope < 0 ? value : scope < scopes.length ? scopes[scope] : null;
        return start == null ? null : path.resolve(start, nullCounts);
    }

    /** The value {@code path} leads to, or null for nothing or JSON null. */
    JsonNode at(FieldPath path) {
        return at(path, false);
    }
}
