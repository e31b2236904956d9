package dev.sigil.terminal;

/**
 * The one sanitizer for text from a log on its way to a terminal: what could drive the terminal is shown, never
 * sent. C0 controls and DEL in caret notation ({@code ESC} as {@code ^[}, newline as {@code ^J}, tab as {@code ^I},
 * DEL as {@code ^?}); C1 controls, bidirectional overrides and isolates, the line and paragraph separators and
 * unpaired surrogates as {@code \\uXXXX}. Everything else, including wide and combined characters, passes.
 * docs/monitor.md documents the notation.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** {@code s} with every character that could act on a terminal made visible. */
    public static String visible(String s) {
        int i = firstUnsafe(s);
        if (i < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, i);
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c < 0x20) {
                out.append('^').append((char) (c + 0x40));
            } else if (c == 0x7f) {
                out.append("^?");
            } else if (escaped(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
            i++;
        }
        return out.toString();
    }

    /** Whether {@code s} holds nothing {@link #visible} would change. */
    public static boolean isSafe(String s) {
        return firstUnsafe(s) < 0;
    }

    private static int firstUnsafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (c >= 0x80 && escaped(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean escaped(char c) {
        return (c >= 0x80 && c <= 0x9f) // C1 controls: CSI, OSC, ... on terminals that honour 8-bit controls
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) // bidi embeddings, overrides, isolates
                || c == 0x2028 || c == 0x2029 // line and paragraph separators
                || Character.isSurrogate(c); // unpaired: cannot be encoded
    }
}
