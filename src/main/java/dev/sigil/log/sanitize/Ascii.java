package dev.sigil.log.sanitize;

/** ASCII-only text helpers: case folding that agrees with Python's {@code re.ASCII | re.IGNORECASE}. */
final class Ascii {

    private Ascii() {
    }

    /** Whether {@code s} contains {@code lowerNeedle} (lowercase ASCII) with A-Z folded to a-z, and nothing else folded. */
    static boolean containsIgnoreCase(String s, String lowerNeedle) {
        int n = lowerNeedle.length();
        char first = lowerNeedle.charAt(0);
        outer:
        for (int i = 0, last = s.length() - n; i <= last; i++) {
            if (lower(s.charAt(i)) != first) {
                continue;
            }
            for (int j = 1; j < n; j++) {
                if (lower(s.charAt(i + j)) != lowerNeedle.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
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
