package dev.sigil.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A configuration and its provenance.
 *
 * @param config the effective configuration
 * @param file the config file that was looked for
 * @param fileRead whether it existed and was read
 * @param settings every key, in documentation order, with its effective value and where that came from
 * @param warnings unknown keys and other things that did not stop sigil
 */
public record LoadedConfig(SigilConfig config, Path file, boolean fileRead, Map<String, Setting> settings,
                           List<String> warnings) {

    public LoadedConfig {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        warnings = List.copyOf(warnings);
    }

    /**
     * One key's effective value.
     *
     * @param key the key
     * @param value the value (a Long, Double, Boolean, Duration, Path, List, or an enum)
     * @param text the value as it would be written in the file
     * @param origin where it came from
     * @param note why a default differs from the documented one ("scaled to the total"), or ""
     */
    public record Setting(ConfigKey<?> key, Object value, String text, Origin origin, String note) {
    }
}
