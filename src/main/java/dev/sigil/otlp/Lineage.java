package dev.sigil.otlp;

import tools.jackson.databind.JsonNode;

/**
 * Where a line sits in its run's call tree, when the line says so: the unit of work it reports on and the unit that
 * contains it (docs/contract.md §5.2: {@code metadata.event_id} and {@code metadata.parent_id} of an execution entry;
 * {@code event_id} and {@code parent_id} or {@code parent_operation_id} of a seed-002 line). Lines that say nothing
 * get {@link #NONE}, and the fold falls back on the phase and component structure.
 *
 * <p>This is the one place that reads those fields for the export: once the readers' {@code LogEvent} carries its
 * attribution, {@link #of(JsonNode)} becomes a copy of it and nothing else changes.
 *
 * @param eventId the unit the line reports on, "" if not stated
 * @param parentId the unit containing it, "" if not stated
 */
public record Lineage(String eventId, String parentId) {

    public static final Lineage NONE = new Lineage("", "");
    /** Longest id kept (the contract's pattern allows 256 characters); a longer one is taken as not stated. */
    static final int MAX_ID = 256;

    /** The lineage a parsed line states. */
    public static Lineage of(JsonNode line) {
        if (line == null || !line.isObject()) {
            return NONE;
        }
        JsonNode metadata = line.get("metadata");
        JsonNode from = line.has("event_type") && metadata != null && metadata.isObject() ? metadata : line;
        String event = id(from.get("event_id"));
        String parent = id(from.get("parent_id"));
        if (parent.isEmpty() && from == line) {
            parent = id(line.get("parent_operation_id"));
        }
        return event.isEmpty() && parent.isEmpty() ? NONE : new Lineage(event, parent);
    }

    public boolean hasEvent() {
        return !eventId.isEmpty();
    }

    private static String id(JsonNode v) {
        if (v == null || !v.isString()) {
            return "";
        }
        String s = v.stringValue();
        return s.length() <= MAX_ID ? s : "";
    }
}
