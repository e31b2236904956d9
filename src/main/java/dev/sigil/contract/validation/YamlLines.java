package dev.sigil.contract.validation;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * The line of every value of a YAML document, by JSON pointer ({@code /providers/mycorp/models/x/prices}): the line of
 * its key, or of the item for list elements. What lets a problem found in the parsed tree be reported at its line
 * (price overrides, format definitions, alert rules).
 */
public final class YamlLines {

    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private final Map<String, Integer> lines;

    private YamlLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** The lines of {@code bytes}; a document that is not YAML has none (the tree reader reports it). */
    public static YamlLines of(byte[] bytes) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = YAML.createParser(ObjectReadContext.empty(), bytes)) {
            JsonToken t = p.nextToken();
            if (t != null) {
                lines.put("", p.currentTokenLocation().getLineNr());
                walk(p, t, "", lines);
            }
        } catch (RuntimeException notYaml) {
            // the tree reader reports it, with its line
        }
        return new YamlLines(lines);
    }

    private static void walk(JsonParser p, JsonToken t, String at, Map<String, Integer> lines) {
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String child = at + "/" + pointerToken(p.currentName());
                lines.putIfAbsent(child, p.currentTokenLocation().getLineNr());
                walk(p, p.nextToken(), child, lines);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken(), i++) {
                String child = at + "/" + i;
                lines.putIfAbsent(child, p.currentTokenLocation().getLineNr());
                walk(p, item, child, lines);
            }
        }
    }

    public static String pointerToken(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** The line of the value at {@code pointer}, or of the nearest value that holds it; 1 if none is known. */
    public int lineOf(String pointer) {
        String at = pointer;
        while (true) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
            if (at.isEmpty()) {
                return 1;
            }
            at = at.substring(0, at.lastIndexOf('/'));
        }
    }

    /** A pointer as the dotted key a user reads in the file: providers.mycorp.models.internal-7b.prices. */
    public static String dotted(String pointer) {
        if (pointer.isEmpty()) {
            return "(the file)";
        }
        StringBuilder s = new StringBuilder();
        for (String token : pointer.substring(1).split("/", -1)) {
            s.append(s.length() == 0 ? "" : ".").append(token.replace("~1", "/").replace("~0", "~"));
        }
        return s.toString();
    }
}
