package dev.sigil.monitor.state;

import java.util.Locale;

import dev.sigil.contract.event.Level;

/**
 * Which events the table shows: a minimum level, one component or all, and a text the event must contain
 * (case-insensitive, in its component, operation, message or error).
 *
 * @param minLevel lowest level shown
 * @param component component shown, "" for all
 * @param text text to contain, "" for any
 */
public record EventFilter(Level minLevel, String component, String text) {

    public boolean matches(EventRow row) {
        if (row.level().compareTo(minLevel) < 0) {
            return false;
        }
        if (!component.isEmpty() && !component.equalsIgnoreCase(row.component())) {
            return false;
        }
        if (text.isEmpty()) {
            return true;
        }
        String needle = text.toLowerCase(Locale.ROOT);
        return contains(row.message(), needle) || contains(row.component(), needle) || contains(row.operation(), needle)
                || contains(row.error(), needle);
    }

    private static boolean contains(String haystack, String needle) {
        return haystack.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Whether the filter shows everything of level {@code min} and above. */
    public boolean isOpen() {
        return component.isEmpty() && text.isEmpty();
    }
}
