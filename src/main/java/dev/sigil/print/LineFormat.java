package dev.sigil.print;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.event.Level;
import tools.jackson.databind.JsonNode;

/**
 * The {@code line} format of {@code sigil tail}: {@code HH:MM:SS [LEVEL] component/operation: message}, defined as
 * the jq program in {@code scripts/file_monitor.sh} computes it, byte for byte (docs/contract.md §8). For a seed-002
 * line whose {@code timestamp} is a string containing {@code T} and whose {@code level} is a string, that is exactly
 * what the seed's own jq expression prints. Elsewhere, where the seed's expression fails, the line is still shown:
 * <ul>
 *   <li><b>time</b>: the timestamp's jq text; the part after its first {@code T}, or, without a {@code T}, after its
 *       first space, or the whole text; then the part before its first {@code .} ({@code 10:15:32} from
 *       {@code 2026-01-11T10:15:32.123456}, {@code 10:15:32Z} from {@code 2026-01-11T10:15:32Z},
 *       {@code 10:15:32} from {@code 2026-01-11 10:15:32.5}, {@code null} when absent). jq's split of an empty text
 *       gives nothing, printed {@code null};</li>
 *   <li><b>level</b>: {@code level} when it is a string, else the level of the {@code event_type} (§8), else
 *       {@code info}; upper-cased in ASCII;</li>
 *   <li><b>operation</b>: {@code operation}, or the {@code event_type} when {@code operation} is absent or null;</li>
 *   <li><b>component, message</b>: as jq interpolates them ({@link JqText}): {@code null} when absent.</li>
 * </ul>
 * Pure and thread-safe.
 */
public final class LineFormat {

    private LineFormat() {
    }

    /** The line for an object (without the newline). */
    public static String format(JsonNode entry) {
        return time(entry.get("timestamp")) + " [" + level(entry) + "] " + JqText.of(entry.get("component")) + "/"
                + JqText.of(operation(entry)) + ": " + JqText.of(entry.get("message"));
    }

    static String time(JsonNode timestamp) {
        String text = JqText.of(timestamp);
        List<String> parts = split(text, "T");
        String clock;
        if (parts.size() > 1) {
            clock = parts.get(1);
        } else {
            List<String> words = split(text, " ");
            clock = words.size() > 1 ? words.get(1) : text;
        }
        List<String> pieces = split(clock, ".");
        return pieces.isEmpty() ? "null" : pieces.get(0);
    }

    static String level(JsonNode entry) {
        JsonNode level = entry.get("level");
        String name;
        if (level != null && level.isString()) {
            name = JqText.wellFormed(level.stringValue());
        } else {
            JsonNode type = entry.get("event_type");
            JsonNode severity = entry.path("metadata").path("severity");
            name = type != null && type.isString()
                    ? Level.ofEntry(type.stringValue(), severity.isString() ? severity.stringValue() : "").wireName() : "info";
        }
        return asciiUpcase(name);
    }

    static JsonNode operation(JsonNode entry) {
        JsonNode operation = entry.get("operation");
        JsonNode type = entry.get("event_type");
        boolean absent = operation == null || operation.isNull();
        return absent && type != null && type.isString() ? type : operation;
    }

    /** jq's {@code split($sep)} on a string: an empty string gives no parts; a trailing separator an empty last part. */
    static List<String> split(String s, String separator) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (from < s.length()) {
            int at = s.indexOf(separator, from);
            if (at < 0) {
                parts.add(s.substring(from));
                break;
            }
            parts.add(s.substring(from, at));
            from = at + separator.length();
            if (from == s.length()) {
                parts.add("");
            }
        }
        return parts;
    }

    private static String asciiUpcase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
        }
        return out.toString();
    }
}
