package dev.sigil.config;

import java.util.List;

/**
 * A value as a source gave it, before it is checked: a scalar's text, a list of scalars, or something of another
 * shape (a mapping, a nested list, null) that no setting accepts.
 *
 * @param text the scalar's text, or null when the value is not a scalar
 * @param items the list's items, or null when the value is not a list
 * @param shape what the value is, for messages: {@code a string}, {@code a list}, {@code a mapping}, {@code null}
 */
record RawValue(String text, List<String> items, String shape) {

    static RawValue scalar(String text) {
        return new RawValue(text, null, "a value");
    }

    static RawValue list(List<String> items) {
        return new RawValue(null, List.copyOf(items), "a list");
    }

    static RawValue other(String shape) {
        return new RawValue(null, null, shape);
    }

    /** The value as it was written, for messages. */
    String display() {
        if (text != null) {
            return "\"" + text + "\"";
        }
        return items != null ? items.toString() : shape;
    }
}
