package dev.sigil.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.cost.Money;
import tools.jackson.databind.node.JsonNodeFactory;

/** The rules of a file as {@code sigil alerts list} shows them: a table for people, or a JSON array. Pure. */
public final class RuleListing {

    private static final PythonJsonWriter STRINGS = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);
    private static final List<String> HEADER = List.of("RULE", "CONDITION", "SCOPE", "SEVERITY", "COOLDOWN", "LAST FIRED", "ACTIONS");

    private RuleListing() {
    }

    /**
     * One row per rule under a header, columns padded to their widths; a disabled rule says so after its name.
     *
     * @param lastFired the timestamp of the line that last fired each rule, by name (absent: never)
     */
    public static List<String> table(RuleSet set, Map<String, String> lastFired) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Rule r : set.rules()) {
            rows.add(List.of(r.name() + (r.enabled() ? "" : " (disabled)"), r.condition(), scope(r.scope()), r.severity().wireName(),
                    cooldown(r), lastFired.getOrDefault(r.name(), "never"), r.actions().stream().map(Rule.Action::wireName).collect(Collectors.joining(","))));
        }
        int[] widths = new int[HEADER.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        List<String> out = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                s.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), widths[i] + 2));
            }
            out.add(s.toString().stripTrailing());
        }
        return out;
    }

    /** A JSON array of the rules, one object each with the file's keys (defaults filled in) and {@code last_fired}. */
    public static String json(RuleSet set, Map<String, String> lastFired) {
        StringBuilder s = new StringBuilder("[");
        for (Rule r : set.rules()) {
            s.append(s.length() == 1 ? "" : ",").append("{\"name\":").append(string(r.name()))
                    .append(",\"enabled\":").append(r.enabled())
                    .append(",\"metric\":").append(string(r.metric().wireName()))
                    .append(",\"scope\":{").append(r.scope().keys().entrySet().stream()
                            .map(e -> string(e.getKey()) + ":" + string(e.getValue())).collect(Collectors.joining(",")))
                    .append("},\"window\":").append(string(r.window().text()))
                    .append(",\"op\":").append(string(r.op().symbol()))
                    .append(",\"threshold\":").append(Money.plain(r.threshold()))
                    .append(",\"severity\":").append(string(r.severity().wireName()))
                    .append(",\"cooldown\":").append(r.cooldownText().isEmpty() ? "null" : string(r.cooldownText()))
                    .append(",\"actions\":[").append(r.actions().stream().map(a -> string(a.wireName())).collect(Collectors.joining(",")))
                    .append("],\"last_fired\":").append(lastFired.containsKey(r.name()) ? string(lastFired.get(r.name())) : "null")
                    .append(",\"line\":").append(r.line()).append('}');
        }
        return s.append(']').toString();
    }

    private static String scope(Scope scope) {
        Map<String, String> keys = scope.keys();
        return keys.isEmpty() ? "all" : keys.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    private static String cooldown(Rule r) {
        if (!r.cooldownText().isEmpty()) {
            return r.cooldownText();
        }
        return switch (r.window().kind()) {
            case SESSION -> "once";
            case HOUR, DAY -> "once per " + r.window().text();
            case SLIDING -> r.window().text();
        };
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String string(String text) {
        return STRINGS.encodeToString(JsonNodeFactory.instance.stringNode(text));
    }
}
