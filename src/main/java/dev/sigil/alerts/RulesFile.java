package dev.sigil.alerts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sigil.contract.ContractSchema;
import dev.sigil.contract.validation.SchemaValidator;
import dev.sigil.contract.validation.Violation;
import dev.sigil.contract.validation.YamlLines;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a rules file (YAML, or JSON, which is YAML too), checks it against {@code contract/alert-rules.schema.json}
 * and then for what a schema cannot say (unique names). Every problem is reported, each as
 * {@code FILE:LINE: KEY: what is wrong}, the way sigil reports its other files.
 */
public final class RulesFile {

    /** Resource path of the rules schema inside the jar. */
    public static final String SCHEMA = "contract/alert-rules.schema.json";

    private static final YAMLMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private static final Pattern ACTION = Pattern.compile("(/rules/\\d+/actions/\\d+)(/.*)?");
    private static final Pattern UNKNOWN_KEY = Pattern.compile("property '([^']*)' is not defined");
    private static final Map<String, String> KEYS = Map.of("", "the file holds rules: a list of rules",
            "rule", "a rule has name, description, enabled, metric, scope, window, op, threshold, severity, cooldown and actions",
            "scope", "a scope has component, model, event_type, level, session and sessions",
            "command", "a command action has command and timeout",
            "webhook", "a webhook action has webhook, timeout, retries, rate_limit and format");

    private RulesFile() {
    }

    /**
     * Reads and checks {@code file}.
     *
     * @throws RulesFileException naming every problem
     */
    public static RuleSet load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new RulesFileException(List.of(file + ": no such file"));
        } catch (IOException e) {
            throw new RulesFileException(List.of(file + ": cannot read: " + e.getMessage()));
        }
        return read(file.toString(), bytes);
    }

    /** Reads {@code bytes}, the content of the file named {@code name} in messages. */
    public static RuleSet read(String name, byte[] bytes) {
        JsonNode root;
        try {
            root = YAML.readTree(bytes);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr();
            String reason = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().strip().lines().findFirst().orElse("");
            throw new RulesFileException(List.of(name + where + ": not valid YAML: " + reason));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new RulesFileException(List.of(name + ": empty rules file (it holds rules: a list of rules)"));
        }
        YamlLines lines = YamlLines.of(bytes);
        List<String> problems = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        List<Violation> found = new ArrayList<>();
        SchemaValidator.of(ContractSchema.bundled(SCHEMA)).validate(root).forEach(v -> found.add(atKey(root, v)));
        violations.addAll(actions(root, found));
        violations.sort(Comparator.comparingInt((Violation v) -> lines.lineOf(v.pointer())));
        for (Violation v : violations) {
            problems.add(name + ":" + lines.lineOf(v.pointer()) + ": " + YamlLines.dotted(v.pointer()) + ": " + explain(root, v));
        }
        if (!problems.isEmpty()) {
            throw new RulesFileException(problems);
        }
        List<Rule> rules = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        JsonNode list = root.get("rules");
        for (int i = 0; i < list.size(); i++) {
            Rule r = rule(list.get(i), lines.lineOf("/rules/" + i));
            Optional<String> across = across(r);
            if (across.isPresent()) {
                problems.add(name + ":" + lines.lineOf("/rules/" + i + "/scope/sessions") + ": rules." + i + ".scope.sessions: " + across.get());
            }
            if (r.metric() == Metric.INVALID_LINES && !r.scope().onlySessions()) {
                problems.add(name + ":" + lines.lineOf("/rules/" + i + "/scope") + ": rules." + i + ".scope: invalid_lines counts lines"
                        + " whose fields cannot be trusted: its scope may name only session or sessions");
            }
            Integer first = names.putIfAbsent(r.name(), r.line());
            if (first != null) {
                problems.add(name + ":" + lines.lineOf("/rules/" + i + "/name") + ": rules." + i + ".name: '" + r.name()
                        + "' is the name of the rule on line " + first + " too; names are unique");
            }
            rules.add(r);
        }
        if (!problems.isEmpty()) {
            throw new RulesFileException(problems);
        }
        return new RuleSet(name, rules);
    }

    private static Rule rule(JsonNode r, int line) {
        JsonNode s = r.path("scope");
        Scope scope = new Scope(text(s, "component"), text(s, "model"), text(s, "event_type"), text(s, "level"), text(s, "session"),
                "all".equals(text(s, "sessions")));
        List<Rule.Action> actions = new ArrayList<>();
        r.path("actions").forEach(a -> actions.add(a.isString() ? Rule.Action.of(a.stringValue()) : a.has("webhook") ? webhook(a) : command(a)));
        if (!r.has("actions")) {
            actions.add(Rule.Action.STDOUT);
        }
        String cooldown = r.has("cooldown") ? r.get("cooldown").stringValue() : "";
        return new Rule(r.get("name").stringValue(), r.has("description") ? r.get("description").stringValue() : "",
                r.path("enabled").asBoolean(true), Metric.of(r.get("metric").stringValue()).orElseThrow(), scope,
                r.has("window") ? Window.of(r.get("window").stringValue()) : Window.SESSION, Op.of(r.get("op").stringValue()).orElseThrow(),
                r.get("threshold").decimalValue(), r.has("severity") ? Severity.of(r.get("severity").stringValue()) : Severity.WARNING,
                cooldown.isEmpty() ? -1 : Durations.micros(cooldown), cooldown, actions, line);
    }

    /** What a rule over all sessions cannot be: a budget is a session's, and one session is not all of them. */
    private static Optional<String> across(Rule r) {
        if (!r.scope().allSessions()) {
            return Optional.empty();
        }
        if (r.scope().session() != null) {
            return Optional.of("'all' and a session ('" + r.scope().session() + "') together; give one of them");
        }
        return r.metric() == Metric.BUDGET_PERCENT || r.metric() == Metric.BUDGET_FORECAST_S
                ? Optional.of("'all' with " + r.metric().wireName() + ": a budget is a session's own (use tokens or cost_usd over all sessions)")
                : Optional.empty();
    }

    private static Rule.Action command(JsonNode a) {
        List<String> command = new ArrayList<>();
        a.get("command").forEach(c -> command.add(c.stringValue()));
        long timeout = a.has("timeout") ? Durations.millis(a.get("timeout").stringValue()) : Rule.Action.DEFAULT_TIMEOUT_MILLIS;
        return new Rule.Action(Rule.Action.Kind.COMMAND, command, timeout);
    }

    private static Rule.Action webhook(JsonNode a) {
        long timeout = a.has("timeout") ? Durations.millis(a.get("timeout").stringValue()) : Rule.Action.DEFAULT_WEBHOOK_TIMEOUT_MILLIS;
        int count = 0;
        long per = 0;
        if (a.has("rate_limit")) {
            String[] limit = a.get("rate_limit").stringValue().split("/");
            count = Integer.parseInt(limit[0]);
            per = Durations.micros("1" + limit[1]) / 1_000;
        }
        Rule.Hook hook = new Rule.Hook(a.get("webhook").stringValue(), a.has("retries") ? a.get("retries").intValue() : Rule.Hook.DEFAULT_RETRIES,
                count, per, "slack".equals(a.path("format").asString("json")));
        return new Rule.Action(Rule.Action.Kind.WEBHOOK, List.of(), timeout, hook);
    }

    private static String text(JsonNode object, String key) {
        return object.has(key) ? object.get(key).stringValue() : null;
    }

    /**
     * An action is one of two shapes, and the schema says why it is neither in three ways: one problem per action
     * instead (a string that is no action's name; for a command, what is wrong inside it).
     */
    private static List<Violation> actions(JsonNode root, List<Violation> violations) {
        List<Violation> out = new ArrayList<>();
        Set<String> said = new HashSet<>();
        for (Violation v : violations) {
            Matcher m = ACTION.matcher(v.pointer());
            if (!m.matches()) {
                out.add(v);
                continue;
            }
            String action = m.group(1);
            JsonNode value = root.at(action);
            if (value.isObject() && m.group(2) != null) {
                out.add(v);
            } else if (said.add(action) && !(value.isObject() && violations.stream().anyMatch(o -> o.pointer().startsWith(action + "/")))) {
                out.add(new Violation(action, "oneOf", (value.isString() ? "'" + value.stringValue() + "' is not an action" : "not an action")
                        + " (stdout, stderr, stdout:json, stderr:json, log, bell, stop, {command: [PROGRAM, ARG...], timeout: 5s} or {webhook: URL})"));
            }
        }
        return out;
    }

    /** An unknown key reported at the key itself, not at the mapping holding it. */
    private static Violation atKey(JsonNode root, Violation v) {
        Matcher m = UNKNOWN_KEY.matcher(v.message());
        if (!v.keyword().equals("additionalProperties") || !m.find()) {
            return v;
        }
        return new Violation(v.pointer() + "/" + YamlLines.pointerToken(m.group(1)), v.keyword(), "unknown key (" + KEYS.getOrDefault(
                v.pointer().isEmpty() ? "" : v.pointer().matches("/rules/\\d+") ? "rule" : ACTION.matcher(v.pointer()).matches()
                        ? (root.at(v.pointer()).has("webhook") ? "webhook" : "command") : "scope", "")
                + ")");
    }

    /** The schema's words, and plainer ones for the forms it states as patterns. */
    private static String explain(JsonNode root, Violation v) {
        String key = v.pointer().substring(v.pointer().lastIndexOf('/') + 1);
        if (v.keyword().equals("enum")) {
            int list = v.message().indexOf('[');
            return "'" + root.at(v.pointer()).asString("") + "' is not one of " + (list < 0 ? "the values allowed" : v.message().substring(list));
        }
        if (v.keyword().equals("pattern")) {
            String value = "'" + root.at(v.pointer()).asString("") + "'";
            return switch (key) {
                case "window" -> value + " is not a window (session, hour, day, or a number and s, m or h: 15m, 1h)";
                case "cooldown" -> value + " is not a cooldown (a number and s, m, h or d: 30s, 10m, 1d)";
                case "timeout" -> value + " is not a timeout (a number and ms, s or m: 500ms, 5s, 1m)";
                case "name" -> value + " is not a rule name (letters, digits, _, . and -, at most 64)";
                case "webhook" -> value + " is not an http or https URL";
                case "rate_limit" -> value + " is not a rate limit (a number, / and s, m or h: 10/m)";
                default -> v.message();
            };
        }
        return v.message();
    }
}
