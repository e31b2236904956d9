package dev.sigil.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One setting: its dotted name in the config file, its type, its default, and the environment variable that can set
 * it (with that variable's own unit where the seeds gave it one).
 *
 * @param name dotted key, e.g. {@code logging.flush_interval_seconds}
 * @param type the rules for the file and for flags
 * @param defaultValue the default, written as it would be in the file
 * @param description one line for people
 * @param env the environment variable, if any
 * @param <T> the value's Java type
 */
public record ConfigKey<T>(String name, ValueType<T> type, RawValue defaultValue, String description, Optional<Env<T>> env) {

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(env, "env");
    }

    /**
     * An environment variable that sets a key.
     *
     * @param variable its name, e.g. {@code SIGIL_FLUSH_INTERVAL}
     * @param type its rules (its unit may differ from the file's)
     * @param <T> the value's Java type
     */
    public record Env<T>(String variable, ValueType<T> type) {
    }

    /** The section of the key: {@code logging} for {@code logging.path}. */
    public String section() {
        return name.substring(0, name.indexOf('.'));
    }

    /** What the key accepts, with the unit. */
    public String expected() {
        return type.expected();
    }
}
