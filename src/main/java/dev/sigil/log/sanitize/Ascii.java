package dev.sigil.log.sanitize;

/** ASCII-only text helpers: case folding that agrees with Python's {@code re.ASCII | re.IGNORECASE}. */
final class Ascii {

    private Ascii() {
    }

    static boolean containsIgnoreCase(String s, String lowerNeedle) {
        int n = lowerNeedle.length();
        for (int i = 0, last = s.length() - n; i <= last; i++) {
            if (s.regionMatches(true, i, lowerNeedle, 0, n) && asciiRegion(s, i, n)) {
                return true;
            }
        }
        return false;
    }

    /** regionMatches(true, ...) also folds non-ASCII letters (the Kelvin sign matches k); the rules do not. */
    private static boolean asciiRegion(String s, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    static int digitCount(String s) {
        int count = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                count++;
            }
        }
        return count;
    }

    /** Lowercases A-Z only. */
    static String lower(String s) {
        StringBuilder out = null;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = new StringBuilder(s);
                }
                out.setCharAt(i, (char) (c + 32));
            }
        }
        return out == null ? s : out.toString();
    }
}
