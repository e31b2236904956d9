package dev.sigil.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.sigil.contract.codec.StrictUtf8;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads {@code config.yaml} into values with their line numbers, without judging the values (that is
 * {@link ConfigLoader}'s job). Keys sigil does not know are warnings; a file that is not YAML, is not a mapping, or
 * holds a key twice is an error. Streaming, so that each key keeps the line it was written on.
 */
final class YamlConfigFile {

    /**
     * One value of the file.
     *
     * @param key dotted key
     * @param value the value as written
     * @param line 1-based line of the key
     */
    record Entry(String key, RawValue value, int line) {
    }

    /**
     * What the file holds.
     *
     * @param entries the known keys' values, in file order
     * @param warnings unknown keys, each with file and line
     * @param errors problems that make the file unusable, each with file and line
     */
    record Contents(List<Entry> entries, List<String> warnings, List<String> errors) {
    }

    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private final String name;
    private final List<Entry> entries = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();

    private YamlConfigFile(String name) {
        this.name = name;
    }

    /** Reads {@code bytes}, the content of the file at {@code path} (named in messages). */
    static Contents read(Path path, byte[] bytes) {
        YamlConfigFile reader = new YamlConfigFile(path.toString());
        String notText = StrictUtf8.problem(bytes);
        if (notText != null) {
            reader.errors.add(path + ": " + notText); // Jackson would name its own exception type
        } else {
            reader.parse(bytes);
        }
        return new Contents(List.copyOf(reader.entries), List.copyOf(reader.warnings), List.copyOf(reader.errors));
    }

    private void parse(byte[] bytes) {
        try (JsonParser p = YAML.createParser(ObjectReadContext.empty(), bytes)) {
            JsonToken first = p.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                return;
            }
            if (first != JsonToken.START_OBJECT) {
                errors.add(at(p) + "expected a mapping with the sections " + String.join(", ", ConfigKeys.sections())
                        + ", found " + shape(first));
                return;
            }
            readMapping(p, "");
            if (p.nextToken() != null) {
                errors.add(at(p) + "a second YAML document ('---'): sigil reads one; merge them");
            }
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            String where = loc == null || loc.getLineNr() < 1 ? name + ": " : name + ":" + loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
            String reason = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage().strip();
            int nl = reason.indexOf('\n');
            errors.add(where + "not valid YAML: " + (nl < 0 ? reason : reason.substring(0, nl)));
        }
    }

    /** Reads the properties of the mapping whose START_OBJECT is current; {@code prefix} is its dotted key or "". */
    private void readMapping(JsonParser p, String prefix) {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = prefix.isEmpty() ? p.currentName() : prefix + "." + p.currentName();
            int line = p.currentTokenLocation().getLineNr();
            JsonToken value = p.nextToken();
            Integer earlier = seen.putIfAbsent(key, line);
            if (earlier != null) {
                errors.add(name + ":" + line + ": " + key + " is given twice (first on line " + earlier + "); keep one");
                p.skipChildren();
            } else if (isSection(key)) {
                readSection(p, key, value, line);
            } else if (ConfigKeys.named(key).isPresent()) {
                entries.add(new Entry(key, value(p, value), line));
            } else {
                warnings.add(name + ":" + line + ": unknown key " + key + " (ignored)" + KeyHints.hint(key));
                p.skipChildren();
            }
        }
    }

    private void readSection(JsonParser p, String key, JsonToken value, int line) {
        if (value == JsonToken.START_OBJECT) {
            readMapping(p, key);
        } else if (!isEmpty(p, value)) {
            errors.add(name + ":" + line + ": " + key + " must be a mapping of keys, found " + shape(value));
            p.skipChildren();
        }
    }

    /** A mapping of keys: a section ({@code logging}) or a group in one ({@code token_budget.allocations}, {@code logging.stream}). */
    private static boolean isSection(String key) {
        String group = key + ".";
        return ConfigKeys.ALL.stream().anyMatch(k -> k.name().startsWith(group));
    }

    private static RawValue value(JsonParser p, JsonToken t) {
        if (t.isScalarValue()) {
            return isEmpty(p, t) ? RawValue.other("no value") : RawValue.scalar(p.getString());
        }
        if (t == JsonToken.START_ARRAY) {
            List<String> items = new ArrayList<>();
            for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
                if (!item.isScalarValue() || item == JsonToken.VALUE_NULL) {
                    p.skipChildren();
                    skipToEndOfArray(p);
                    return RawValue.other("a list holding " + shape(item));
                }
                items.add(p.getString());
            }
            return RawValue.list(items);
        }
        p.skipChildren();
        return RawValue.other(shape(t));
    }

    /** {@code key:} with nothing after it: YAML's null, which Jackson reports as an empty string. */
    private static boolean isEmpty(JsonParser p, JsonToken t) {
        return t == JsonToken.VALUE_NULL || (t == JsonToken.VALUE_STRING && p.getString().isEmpty());
    }

    private static void skipToEndOfArray(JsonParser p) {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            p.skipChildren();
        }
    }

    private static String shape(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_NULL -> "no value";
            default -> "a single value";
        };
    }

    private String at(JsonParser p) {
        return name + ":" + p.currentTokenLocation().getLineNr() + ": ";
    }
}
