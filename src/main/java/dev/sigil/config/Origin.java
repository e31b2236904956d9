package dev.sigil.config;

import java.util.Objects;

/**
 * Where exactly a value came from.
 *
 * @param source the kind of source
 * @param where the file and line ({@code /home/me/.sigil/config.yaml:12}), the environment variable
 *        ({@code SIGIL_TOKEN_BUDGET}) or the flag ({@code --budget}); empty for a default
 */
public record Origin(ConfigSource source, String where) {

    public Origin {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(where, "where");
    }

    public static Origin defaults() {
        return new Origin(ConfigSource.DEFAULT, "");
    }

    /** E.g. {@code file /home/me/.sigil/config.yaml:12}, {@code env SIGIL_TOKEN_BUDGET}, {@code default}. */
    @Override
    public String toString() {
        return where.isEmpty() ? source.label() : source.label() + " " + where;
    }
}
