package dev.sigil.config;

import java.nio.file.Path;

/**
 * How the text of a setting becomes its value, and what it may be. One type per kind of setting (a number of bytes,
 * a duration in seconds, a boolean, ...), so that every source is checked by the same rules and every error says
 * what is allowed, with the unit.
 *
 * @param <T> the value's Java type
 */
interface ValueType<T> {

    /**
     * The value written as {@code raw}.
     *
     * @param home the user's home directory, for {@code ~} in paths
     * @throws InvalidValueException saying what is allowed, if {@code raw} is not such a value
     */
    T parse(RawValue raw, Path home) throws InvalidValueException;

    /** What is allowed, with the unit: {@code a whole number of bytes from 0 to 67,108,864}. */
    String expected();

    /** The value as a user would write it in the config file (for {@code sigil config}). */
    String format(T value);

    /** The scalar text of {@code raw}, or an error saying that a single value is expected. */
    default String scalar(RawValue raw) throws InvalidValueException {
        if (raw.text() == null) {
            throw new InvalidValueException("expected " + expected() + ", found " + raw.shape());
        }
        return raw.text().strip();
    }
}
