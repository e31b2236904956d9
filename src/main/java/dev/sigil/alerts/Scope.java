package dev.sigil.alerts;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.sigil.contract.event.LogEvent;

/**
 * Which lines a rule counts: each key given must equal the line's value (absent keys match everything).
 *
 * @param component the component as the line writes it, or null
 * @param model the usage record's model ({@code provider:model-id}), or null
 * @param eventType the event type, or null
 * @param level the level's name (INFO, ERROR, ...), or null
 * @param session the session id, or null
 * @param allSessions whether the rule counts the lines of every session together ({@code sessions: all}), in one
 *        window over their lines merged in time order, rather than each session on its own (docs/alerts.md §3)
 */
public record Scope(String component, String model, String eventType, String level, String session, boolean allSessions) {

    static final Scope ALL = new Scope(null, null, null, null, null, false);

    boolean matches(LogEvent e, String sessionId) {
        return is(component, e.component()) && is(model, e.usage().model()) && is(eventType, e.eventType())
                && is(level, e.level().name()) && is(session, sessionId);
    }

    /** Whether only {@code session} (or {@code sessions}) is given: all a line that fails the contract can match. */
    boolean onlySessions() {
        return component == null && model == null && eventType == null && level == null;
    }

    private static boolean is(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    /** The keys given, in the file's key names and order of the schema. */
    public Map<String, String> keys() {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "component", component);
        put(out, "model", model);
        put(out, "event_type", eventType);
        put(out, "level", level);
        put(out, "session", session);
        put(out, "sessions", allSessions ? "all" : null);
        return out;
    }

    private static void put(Map<String, String> out, String key, String value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
