package dev.sigil.monitor.state;

import java.util.List;
import java.util.Locale;

import dev.sigil.contract.event.Level;
import dev.sigil.contract.event.LogEventDecoder;
import dev.sigil.contract.model.Component;
import dev.sigil.text.Nearest;

/**
 * Which events the table shows: a minimum level, one component or all, and a text the event must contain
 * (case-insensitive, in its component, operation, message or error). The component rule is the one of every
 * display ({@link #componentMatches}): the dashboard and the stream and minimal modes agree.
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
        if (!componentMatches(component, row.component(), row.contractComponent())) {
            return false;
        }
        if (text.isEmpty()) {
            return true;
        }
        String needle = text.toLowerCase(Locale.ROOT);
        return contains(row.message(), needle) || contains(row.component(), needle) || contains(row.operation(), needle)
                || contains(row.error(), needle);
    }

    /**
     * Whether a line of component {@code written} (mapping to {@code contract}, or null) passes the component filter
     * {@code filter} ("" passes all): the name as written, any case, or any name of the same contract component,
     * seed 002's included ({@code routing} shows {@code router} lines and {@code router} shows {@code routing} ones:
     * docs/monitor.md).
     */
    public static boolean componentMatches(String filter, String written, Component contract) {
        if (filter.isEmpty() || filter.equalsIgnoreCase(written)) {
            return true;
        }
        Component wanted = LogEventDecoder.mapComponent(filter.toLowerCase(Locale.ROOT));
        return wanted != null && wanted == contract;
    }

    /** Whether {@code filter} ("" for all) names a component sigil knows, the contract's or seed 002's, in any case. */
    public static boolean isKnownComponent(String filter) {
        return filter.isEmpty() || LogEventDecoder.mapComponent(filter.toLowerCase(Locale.ROOT)) != null;
    }

    /**
     * What to tell the user once about a component filter that names no component sigil knows (it still matches a
     * line that writes that name): the known names and the nearest of them; "" for a known one.
     */
    public static String unknownComponentNote(String filter) {
        if (isKnownComponent(filter)) {
            return "";
        }
        List<String> known = LogEventDecoder.componentNames();
        return "no component is called '" + filter + "' (known: " + String.join(", ", known) + ")" + Nearest.didYouMean(filter, known);
    }

    private static boolean contains(String haystack, String needle) {
        return haystack.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Whether the filter shows everything of level {@code min} and above. */
    public boolean isOpen() {
        return component.isEmpty() && text.isEmpty();
    }
}
