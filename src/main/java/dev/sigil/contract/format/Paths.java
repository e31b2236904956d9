package dev.sigil.contract.format;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.validation.Violation;
import tools.jackson.databind.JsonNode;

/**
 * Reads the paths of a definition while it is compiled, noting each one that cannot be read as a problem at its
 * place in the definition (a JSON pointer into the file), so that every problem is reported, not only the first.
 */
final class Paths {

    private final String pointer;
    private final List<Violation> problems;

    Paths(String pointer, List<Violation> problems) {
        this.pointer = pointer;
        this.problems = problems;
    }

    /** The same problem list, at {@code key} below this place. */
    Paths at(String key) {
        return new Paths(pointer + "/" + key.replace("~", "~0").replace("/", "~1"), problems);
    }

    /** The path written {@code text} at {@code key}; a problem (and a path to nothing) when it cannot be read. */
    FieldPath one(String text, String key) {
        try {
            return FieldPath.parse(text);
        } catch (IllegalArgumentException e) {
            problem(key, "'" + text + "' is not a path: " + e.getMessage());
            return FieldPath.parse("$0.\u0000");
        }
    }

    /** The paths of a list (or of one text) at {@code key}; none when {@code list} is null. */
    List<FieldPath> list(JsonNode list, String key) {
        List<FieldPath> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        if (list.isString()) {
            out.add(one(list.stringValue(), key));
            return out;
        }
        int i = 0;
        for (JsonNode item : list.values()) {
            out.add(at(key).one(item.stringValue(), String.valueOf(i++)));
        }
        return out;
    }

    /** Notes a problem at {@code key} below this place. */
    void problem(String key, String message) {
        problems.add(new Violation(key.isEmpty() ? pointer : at(key).pointer, "definition", message));
    }

    List<Violation> problems() {
        return problems;
    }
}
