package dev.sigil.otlp;

import dev.sigil.contract.event.Level;

/** OTLP's severity numbers of sigil's levels (the first of each range: TRACE 1, DEBUG 5, INFO 9, WARN 13, ERROR 17, FATAL 21). */
final class Severity {

    private Severity() {
    }

    static int number(Level level) {
        return switch (level) {
            case TRACE -> 1;
            case DEBUG -> 5;
            case INFO -> 9;
            case WARNING -> 13;
            case ERROR -> 17;
            case CRITICAL -> 21;
        };
    }
}
