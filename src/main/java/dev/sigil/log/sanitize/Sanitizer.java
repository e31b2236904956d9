package dev.sigil.log.sanitize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Redacts secrets and personal data from an entry before it is written: the message, every string in metadata at
 * any depth, metadata keys (a key can hold an address too), the values of keys that name a secret, and integers that
 * are card numbers. Rules and their look-alike decisions: docs/logging.md. Thread-safe.
 */
public final class Sanitizer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * At most this many passes of the built-in rules over one text. A mask can turn what stood before a match into a
     * boundary (the address in {@code carol@example.org.1ba@a.cb} only stands alone once the first one is masked),
     * so the built-in rules run again until nothing changes: sanitizing twice then changes nothing more.
     */
    private static final int MAX_PASSES = 4;

    private final List<TextRule> builtIn;
    private final List<TextRule> extra;

    private Sanitizer(List<TextRule> builtIn, List<TextRule> extra) {
        this.builtIn = builtIn;
        this.extra = extra;
    }

    /** The built-in rules followed by {@code extra} (the configuration's additional patterns), in order. */
    public static Sanitizer withExtraPatterns(List<SanitizePattern> extra) {
        List<TextRule> rules = new ArrayList<>();
        for (SanitizePattern p : extra) {
            String replacement = p.replacement();
            rules.add(new TextRule("extra:" + p.regex(), p.compile(), s -> true, m -> replacement));
        }
        return new Sanitizer(BuiltInRules.all(), List.copyOf(rules));
    }

    /** The built-in rules only. */
    public static Sanitizer builtIn() {
        return withExtraPatterns(List.of());
    }

    /**
     * {@code text} with every secret replaced; the same instance when there was none. The configuration's patterns
     * run once, after the built-in rules: their replacements are the user's and may match their own pattern.
     */
    public String text(String text) {
        String out = text;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            String before = out;
            out = applyAll(builtIn, out);
            if (out == before) {
                break;
            }
        }
        return applyAll(extra, out);
    }

    private static String applyAll(List<TextRule> rules, String text) {
        String out = text;
        for (TextRule rule : rules) {
            out = rule.apply(out);
        }
        return out;
    }

    /** Sanitizes the {@code message} and {@code metadata} of an entry object, in place. */
    public void entry(ObjectNode entry) {
        JsonNode message = entry.get("message");
        if (message != null && message.isString()) {
            String clean = text(message.stringValue());
            if (!clean.equals(message.stringValue())) {
                entry.set("message", StringNode.valueOf(clean));
            }
        }
        JsonNode metadata = entry.get("metadata");
        if (metadata != null) {
            JsonNode clean = value(metadata, false);
            if (clean != metadata) {
                entry.set("metadata", clean);
            }
        }
    }

    /** {@code node} sanitized; the same instance when nothing changed. {@code secret}: it is held by a secret key. */
    JsonNode value(JsonNode node, boolean secret) {
        if (node.isString()) {
            String s = node.stringValue();
            String clean = secret && !BuiltInRules.holdsNoSecret(s) ? BuiltInRules.REDACTED : text(s);
            return clean.equals(s) ? node : StringNode.valueOf(clean);
        }
        if (node.isNumber()) {
            if (secret) {
                return StringNode.valueOf(BuiltInRules.REDACTED);
            }
            return isCardNumber(node) ? StringNode.valueOf(BuiltInRules.CARD_NUMBER) : node;
        }
        if (node.isArray()) {
            return array(node, secret);
        }
        if (node.isObject()) {
            return object(node);
        }
        return node;
    }

    private JsonNode array(JsonNode node, boolean secret) {
        ArrayNode out = null;
        for (int i = 0, n = node.size(); i < n; i++) {
            JsonNode item = node.get(i);
            JsonNode clean = value(item, secret && !item.isContainer());
            if (clean != item && out == null) {
                out = NODES.arrayNode(n);
                for (int j = 0; j < i; j++) {
                    out.add(node.get(j));
                }
            }
            if (out != null) {
                out.add(clean);
            }
        }
        return out == null ? node : out;
    }

    private JsonNode object(JsonNode node) {
        boolean changed = false;
        List<String> keys = new ArrayList<>(node.size());
        List<JsonNode> values = new ArrayList<>(node.size());
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = text(e.getKey());
            JsonNode clean = value(e.getValue(), SecretKeys.isSecret(e.getKey()));
            changed |= !key.equals(e.getKey()) || clean != e.getValue();
            keys.add(key);
            values.add(clean);
        }
        if (!changed) {
            return node;
        }
        ObjectNode out = NODES.objectNode();
        for (int i = 0; i < keys.size(); i++) {
            out.set(unique(out, keys.get(i)), values.get(i));
        }
        return out;
    }

    /** Two keys that differ only in a redacted part ("a@x.com", "b@x.com") must not overwrite each other. */
    private static String unique(ObjectNode out, String key) {
        if (!out.has(key)) {
            return key;
        }
        for (int n = 2;; n++) {
            String candidate = key + " (" + n + ")";
            if (!out.has(candidate)) {
                return candidate;
            }
        }
    }

    private static final Pattern CARD_DIGITS = Pattern.compile("[2-6][0-9]{15}");

    private static boolean isCardNumber(JsonNode node) {
        if (!node.isIntegralNumber()) {
            return false;
        }
        String digits = node.bigIntegerValue().toString();
        Matcher m = CARD_DIGITS.matcher(digits);
        return m.matches() && Luhn.valid(digits);
    }
}
