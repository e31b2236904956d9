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

    /** A command's timeout: a number and ms, s or m ({@code 500ms}, {@code 5s}, {@code 1.5m}). */
    static long millis(String text) {
        if (text.endsWith("ms")) {
            return Math.round(Double.parseDouble(text.substring(0, text.length() - 2)));
        }
        double n = Double.parseDouble(text.substring(0, text.length() - 1));
        return Math.round(n * (text.endsWith("m") ? 60_000 : 1_000));
    }
}
