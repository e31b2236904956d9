package dev.sigil.text;

/**
 * Makes text safe to write to a terminal: no byte that a terminal would act on reaches it. The one policy for text
 * from outside (log entries after JSON decoding, so an escaped ESC is a real ESC by then; session directory names;
 * values from a config file or an environment variable echoed in a message; file names; arguments): every command
 * and feature shows such text through it, and {@code scripts/file_monitor.sh} applies the same rules.
 *
 * <ul>
 *   <li>newline, carriage return and tab become {@code \n}, {@code \r}, {@code \t} (kubectl shows CR as {@code \r});</li>
 *   <li>the other C0 controls and DEL become caret notation, {@code ^@} to {@code ^_} and {@code ^?} (ESC is
 *       {@code ^[}, as kubectl and Git show it), so an escape sequence is shown as text and never acted on;</li>
 *   <li>C1 controls (U+0080 to U+009F; U+009B is a one-character CSI for some terminals) and the bidirectional
 *       overrides and isolates (U+202A to U+202E, U+2066 to U+2069, which can make a line read differently from
 *       what it holds) and the line and paragraph separators U+2028 and U+2029 (a line break to some terminals and
 *       viewers) become {@code <U+009B>};</li>
 *   <li>everything else, U+FFFD included, is kept.</li>
 * </ul>
 * The output is not reversible (a message holding a backslash and an {@code n} looks like one holding a newline):
 * it is for eyes; {@code --format jsonl} is for programs. Pure and thread-safe.
 */
public final class TerminalText {

    private TerminalText() {
    }

    public static String visible(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = replacement(c);
            if (replacement != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    private static String replacement(char c) {
        if (c >= 0x20 && c < 0x7F) {
            return null;
        }
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 0x7F -> "^?";
            default -> {
                if (c < 0x20) {
                    yield "^" + (char) (c + 64);
                }
                if (c >= 0x80 && c <= 0x9F || c >= 0x2028 && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
                    yield String.format("<U+%04X>", (int) c);
                }
                yield null;
            }
        };
    }
}
