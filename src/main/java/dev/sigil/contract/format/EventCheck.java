package dev.sigil.contract.format;

import dev.sigil.contract.model.EventType;

/**
 * Whether an event a format made is one sigil can take as it is (what {@code sigil validate --input-format} and a
 * definition's examples are checked for): its usage keeps the contract's rules, and its event type, if any, is one
 * of the contract's. Pure.
 */
public final class EventCheck {

    private EventCheck() {
    }

    /** What is wrong with {@code m}, in words, or null when nothing is. */
    public static String problem(Mapped m) {
        if (m.problem() != null) {
            return "its usage breaks rule " + m.problem().keyword() + ": " + m.problem().message();
        }
        String type = m.event().eventType();
        if (!type.isEmpty() && EventType.fromWire(type).isEmpty()) {
            return "its event type '" + type + "' is not one of the contract's (session_start, step_complete, ...)";
        }
        return null;
    }
}
