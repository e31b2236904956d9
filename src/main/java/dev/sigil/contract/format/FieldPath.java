package dev.sigil.contract.format;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import tools.jackson.databind.JsonNode;

/**
 * Where a value is in a line: a JSON pointer ({@code /message/usage/input_tokens}, RFC 6901) or a dotted path
 * ({@code message.usage.input_tokens}) with {@code *} for any element or member, {@code [key=value]} for the first
 * element of an array whose {@code key} member is the text {@code value}, and {@code $0}, {@code $1} ... at the start
 * for the whole line and the records' enclosing elements (docs/formats.md §3). Immutable and thread-safe.
 */
final class FieldPath {

    /** One step from a value to a value inside it. */
    sealed interface Step permits Member, Any, Filter {
    }

    /** A member by name, or an element when the value is an array and the name is a number. */
    record Member(String name, int index) implements Step {
    }

    /** Every element or member: the first through which the rest of the path leads to a value. */
    record Any() implements Step {
    }

    /** The first element of an array that is an object whose {@code key} member is the text {@code value}. */
    record Filter(String key, String value) implements Step {
    }

    private final String text;
    private final int scope;
    private final Step[] steps;
    /**
     * Where its definition's {@link Slots} hold the value: the slot of its leading members (-1 when it is not read from
     * slots), and the rest of the path from there (null when the slot is the value). Set once, when the definition's
     * {@link Projection} is made, and published with it.
     */
    int slot = -1;
    FieldPath rest;

    private FieldPath(String text, int scope, List<Step> steps) {
        this.text = text;
        this.scope = scope;
        this.steps = steps.toArray(new Step[0]);
    }

    /**
     * The path written {@code text}.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static FieldPath parse(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an empty path");
        }
        if (text.startsWith("/")) {
            List<Step> steps = new ArrayList<>();
            for (String token : text.substring(1).split("/", -1)) {
                steps.add(member(token.replace("~1", "/").replace("~0", "~")));
            }
            return new FieldPath(text, -1, steps);
        }
        return dotted(text);
    }

    private static FieldPath dotted(String text) {
        List<Step> steps = new ArrayList<>();
        int scope = -1;
        int i = 0;
        if (text.charAt(0) == '$') {
            int j = 1;
            while (j < text.length() && Character.isDigit(text.charAt(j))) {
                j++;
            }
            if (j == 1 || j - 1 > 2) {
                throw new IllegalArgumentException("'$' is followed by the number of a scope ($0 the line, $1 ... the records' enclosing elements)");
            }
            scope = Integer.parseInt(text.substring(1, j));
            i = j;
            if (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
                throw new IllegalArgumentException("a '.' goes after $" + scope);
            }
            if (i < text.length() && text.charAt(i) == '.') {
                i++;
                if (i == text.length()) {
                    throw new IllegalArgumentException("a path ends with '.'");
                }
            }
        }
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
                i++;
            }
            String name = text.substring(start, i);
            if (!name.isEmpty()) {
                steps.add(name.equals("*") ? new Any() : member(name));
            } else if (i < text.length() && text.charAt(i) == '.') {
                throw new IllegalArgumentException("an empty name between two dots (use a JSON pointer, /a/b, for names with dots)");
            }
            while (i < text.length() && text.charAt(i) == '[') {
                int close = text.indexOf(']', i);
                int eq = text.indexOf('=', i);
                if (close < 0 || eq < 0 || eq > close || eq == i + 1) {
                    throw new IllegalArgumentException("a filter is written [key=value]");
                }
                steps.add(new Filter(text.substring(i + 1, eq).intern(), text.substring(eq + 1, close)));
                i = close + 1;
            }
            if (i < text.length()) {
                if (text.charAt(i) != '.') {
                    throw new IllegalArgumentException("a '.' goes after a filter");
                }
                i++;
                if (i == text.length()) {
                    throw new IllegalArgumentException("a path ends with '.'");
                }
            }
        }
        if (steps.isEmpty() && scope < 0) {
            throw new IllegalArgumentException("a path names nothing");
        }
        return new FieldPath(text, scope, steps);
    }

    private static Member member(String name) {
        int index = -1;
        if (!name.isEmpty() && name.length() <= 9 && name.chars().allMatch(c -> c >= '0' && c <= '9')
                && (name.length() == 1 || name.charAt(0) != '0')) {
            index = Integer.parseInt(name);
        }
        return new Member(name.intern(), index); // one String per name: the projected tree's members are found by it (FewMembers)
    }

    /** The steps from {@code from} on, as a path of the record (what is left below a slot). */
    FieldPath tail(int from) {
        return new FieldPath(text, -1, List.of(steps).subList(from, steps.length));
    }

    /** The path as written. */
    String text() {
        return text;
    }

    /** The scope it starts from: -1 for the record, 0 for the line, n for the records' n-th enclosing element. */
    int scope() {
        return scope;
    }

    /** Its steps, in order (what a projection of the line must keep). */
    List<Step> steps() {
        return List.of(steps);
    }

    /** Whether it has a step that goes through several values ({@code *}). */
    boolean hasWildcard() {
        for (Step s : steps) {
            if (s instanceof Any) {
                return true;
            }
        }
        return false;
    }

    /** The number of {@code *} steps (the scopes a records path gives). */
    int wildcards() {
        int n = 0;
        for (Step s : steps) {
            n += s instanceof Any ? 1 : 0;
        }
        return n;
    }

    /** The value the path leads to from {@code start}, or null; with {@code nullCounts}, a JSON null is a value. */
    JsonNode resolve(JsonNode start, boolean nullCounts) {
        return resolve(start, 0, nullCounts, null);
    }

    /** {@link #resolve(JsonNode, boolean)}, its filter steps looked up in {@code index} (the record's). */
    JsonNode resolve(JsonNode start, boolean nullCounts, FilterIndex index) {
        return resolve(start, 0, nullCounts, index);
    }

    /** The node one member or filter step below {@code at}, or null. */
    private static JsonNode step(JsonNode at, Step s, FilterIndex index) {
        if (s instanceof Member m) {
            return at.isArray() ? (m.index >= 0 ? at.get(m.index) : null) : at.isObject() ? at.get(m.name) : null;
        }
        Filter f = (Filter) s;
        return index == null || !at.isArray() ? filter(at, f) : index.find(at, f.key, f.value);
    }

    private JsonNode resolve(JsonNode node, int from, boolean nullCounts, FilterIndex index) {
        JsonNode at = node;
        for (int i = from; i < steps.length; i++) {
            if (at == null) {
                return null;
            }
            Step s = steps[i];
            if (!(s instanceof Any)) {
                at = step(at, s, index);
            } else {
                return any(at, i + 1, nullCounts, index);
            }
        }
        return at == null || at.isMissingNode() || (!nullCounts && at.isNull()) ? null : at;
    }

    private JsonNode any(JsonNode at, int next, boolean nullCounts, FilterIndex index) {
        if (!at.isArray() && !at.isObject()) {
            return null;
        }
        for (JsonNode child : at.values()) {
            JsonNode found = resolve(child, next, nullCounts, index);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static JsonNode filter(JsonNode at, Filter f) {
        if (!at.isArray()) {
            return null;
        }
        for (JsonNode element : at.values()) {
            JsonNode key = element.isObject() ? element.get(f.key) : null;
            if (key != null && key.isString() && key.stringValue().equals(f.value)) {
                return element;
            }
        }
        return null;
    }

    /**
     * Every value the path leads to from {@code root} (every element at each {@code *}, not only the first), in
     * document order, with the elements each {@code *} went through: how the records of a line are found.
     */
    void each(JsonNode root, BiConsumer<JsonNode, JsonNode[]> each) {
        JsonNode[] scopes = new JsonNode[wildcards() + 1];
        scopes[0] = root;
        each(root, 0, scopes, 1, each);
    }

    private void each(JsonNode node, int from, JsonNode[] scopes, int depth, BiConsumer<JsonNode, JsonNode[]> each) {
        JsonNode at = node;
        for (int i = from; i < steps.length; i++) {
            if (at == null) {
                return;
            }
            Step s = steps[i];
            if (!(s instanceof Any)) {
                at = step(at, s, null);
            } else {
                if (at.isArray() || at.isObject()) {
                    for (JsonNode child : at.values()) {
                        scopes[depth] = child;
                        each(child, i + 1, scopes, depth + 1, each);
                    }
                }
                return;
            }
        }
        if (at != null && !at.isMissingNode() && !at.isNull()) {
            each.accept(at, scopes.clone());
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
