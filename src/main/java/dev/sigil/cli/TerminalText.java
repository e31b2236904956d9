package dev.sigil.cli;

/**
 * Text from a log, made safe to print on a terminal: control characters (C0, DEL, C1) and invisible format
 * characters (bidirectional overrides, zero-width marks) are shown as {@code \\uXXXX}, so that a key such as
 * {@code "\u001b[2J"} in someone's log cannot clear the screen of the person checking it.
 */
final class TerminalText {

    private TerminalText() {
    }

    static String safe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return escape(text);
            }
        }
        return text;
    }

    private static boolean unsafe(char c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
    }

    private static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unsafe(c)) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
