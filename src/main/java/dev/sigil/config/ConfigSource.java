package dev.sigil.config;

/** Where a setting's value came from, in increasing precedence: a later source wins over an earlier one. */
public enum ConfigSource {
    DEFAULT("default"),
    FILE("file"),
    ENV("env"),
    FLAG("flag");

    private final String label;

    ConfigSource(String label) {
        this.label = label;
    }

    /** Lower-case name shown to users. */
    public String label() {
        return label;
    }
}
