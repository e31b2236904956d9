package dev.sigil.alerts;

/** The durations of a rules file: a whole number and s, m, h or d (the schema has checked the form). */
final class Durations {

    private Durations() {
    }

    static long micros(String text) {
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        long unit = switch (text.charAt(text.length() - 1)) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3_600;
            default -> 86_400;
        };
        return n * unit * Window.MICROS_PER_SECOND;
    }
}
