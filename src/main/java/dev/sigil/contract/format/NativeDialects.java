package dev.sigil.contract.format;

import dev.sigil.contract.event.Dialect;
import tools.jackson.databind.JsonNode;

/**
 * The match rules of the two built-in native formats, written by hand for speed: an execution entry has a string
 * {@code event_type}; an operation-log line has {@code level} or {@code operation} and no string {@code event_type}
 * (contract/formats/sigil.yaml and operation-log.yaml say the same; a property checks they agree).
 */
final class NativeDialects {

    private NativeDialects() {
    }

    static boolean recognises(Dialect dialect, JsonNode line) {
        if (line == null || !line.isObject()) {
            return false;
        }
        JsonNode type = line.get("event_type");
        boolean entry = type != null && type.isString();
        return dialect == Dialect.EXECUTION_ENTRY ? entry : !entry && (line.has("level") || line.has("operation"));
    }
}
