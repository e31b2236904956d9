package dev.sigil.config;

import java.util.List;

/**
 * The configuration cannot be used: every error found (each naming the file and line, the variable or the flag, the
 * key, the value, and what is allowed), and the warnings found on the way.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> errors;
    private final transient List<String> warnings;

    public ConfigException(List<String> errors, List<String> warnings) {
        super(String.join("\n", errors), null, false, false);
        this.errors = List.copyOf(errors);
        this.warnings = List.copyOf(warnings);
    }

    public List<String> errors() {
        return errors;
    }

    public List<String> warnings() {
        return warnings;
    }
}
