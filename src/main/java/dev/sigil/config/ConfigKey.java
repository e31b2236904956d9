package dev.sigil.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One setting: its dotted name in the config file, its type, its default, and the environment variable that can set
 * it (with that variable's own unit where the seeds gave it one).
 *
 * @param <T> the value's Java type
 */
public final class ConfigKey<T> {

    private final String name;
    private final ValueType<T> type;
    private final RawValue defaultValue;
    private final String description;
    private final String envVariable;
    private final ValueType<T> envType;

    ConfigKey(String name, ValueType<T> type, RawValue defaultValue, String description, String envVariable, ValueType<T> envType) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
        this.description = Objects.requireNonNull(description, "description");
        this.envVariable = envVariable;
        this.envType = envType == null ? type : envType;
    }

    /** Dotted key, e.g. {@code logging.flush_interval_seconds}. */
    public String name() {
        return name;
    }

    /** One line for people. */
    public String description() {
        return description;
    }

    /** The default as it would be written in the file ({@code ~/.sigil/logs}, {@code 0.1}, {@code []}). */
    public String defaultText() {
        return defaultValue.text() != null ? defaultValue.text() : String.valueOf(defaultValue.items());
    }

    /** What the key accepts in the file and in flags, with the unit. */
    public String expected() {
        return type.expected();
    }

    /** The environment variable that sets the key, if any. */
    public Optional<String> envVariable() {
        return Optional.ofNullable(envVariable);
    }

    /** What the environment variable accepts, with its unit (which may differ from the file's). */
    public String envExpected() {
        return envType.expected();
    }

    /** The section of the key: {@code logging} for {@code logging.path}. */
    public String section() {
        return name.substring(0, name.indexOf('.'));
    }

    ValueType<T> type() {
        return type;
    }

    ValueType<T> envType() {
        return envType;
    }

    RawValue defaultValue() {
        return defaultValue;
    }

    @Override
    public String toString() {
        return name;
    }
}
