package dev.sigil.otlp;

import dev.sigil.contract.event.LogEvent;
import tools.jackson.databind.JsonNode;

/**
 * One line as the fold takes it: the readers' event, the line's metadata object (or null) and its lineage.
 *
 * @param sessionId the session it belongs to: its own session_id, else the one of the file it came from
 * @param event the readers' view (docs/contract.md §8-9), from any format the decoder knows
 * @param metadata the line's metadata object, null if it has none
 * @param lineage the units it names, {@link Lineage#NONE} if none
 */
public record TraceLine(String sessionId, LogEvent event, JsonNode metadata, Lineage lineage) {

    /** The line {@code json} decoded to {@code event}; {@code fileSession} for a line that names no session. */
    public static TraceLine of(JsonNode json, LogEvent event, String fileSession) {
        String session = event.sessionId().isEmpty() ? fileSession : event.sessionId();
        JsonNode metadata = json == null ? null : json.get("metadata");
        return new TraceLine(session, event, metadata != null && metadata.isObject() ? metadata : null, Lineage.of(json));
    }
}
