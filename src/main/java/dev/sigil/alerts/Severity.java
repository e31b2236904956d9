package dev.sigil.alerts;

import java.util.Locale;

/** How much an alert matters; warning unless the rule says otherwise. */
public enum Severity {
    INFO, WARNING, CRITICAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Severity of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
