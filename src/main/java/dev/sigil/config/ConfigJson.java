package dev.sigil.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A loaded configuration as JSON, the output of {@code sigil config --json}. */
public final class ConfigJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConfigJson() {
    }

    /**
     * {@code {"file", "file_read", "settings": [{"key", "value", "source", "where", "note"}], "warnings"}}; values are
     * JSON numbers, booleans, strings or lists, durations in the file's unit (seconds).
     */
    public static ObjectNode of(LoadedConfig loaded) {
        ObjectNode root = NODES.objectNode();
        root.put("file", loaded.file().toString());
        root.put("file_read", loaded.fileRead());
        ArrayNode settings = root.putArray("settings");
        for (LoadedConfig.Setting s : loaded.settings().values()) {
            ObjectNode o = settings.addObject();
            o.put("key", s.key().name());
            putValue(o, s);
            o.put("source", s.origin().source().label());
            o.put("where", s.origin().where());
            o.put("note", s.note());
        }
        ArrayNode warnings = root.putArray("warnings");
        loaded.warnings().forEach(warnings::add);
        return root;
    }

    private static void putValue(ObjectNode o, LoadedConfig.Setting s) {
        Object v = s.value();
        if (v instanceof Long l) {
            o.put("value", l);
        } else if (v instanceof Double d) {
            o.put("value", d);
        } else if (v instanceof Boolean b) {
            o.put("value", b);
        } else if (v instanceof Duration) {
            o.put("value", new BigDecimal(s.text()).doubleValue());
        } else if (v instanceof List<?> list) {
            ArrayNode a = o.putArray("value");
            list.forEach(item -> a.add(String.valueOf(item)));
        } else {
            o.put("value", s.text());
        }
    }
}
