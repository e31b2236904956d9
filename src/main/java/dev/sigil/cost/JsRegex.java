package dev.sigil.cost;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A JavaScript regular expression (no flags) as a Java {@link Pattern} that matches the same names. The two dialects
 * mostly agree; where they differ, the source is rewritten: {@code $} is the end of the input in JavaScript (Java's
 * also matches before a final line break), {@code .} excludes only the four JavaScript line terminators, {@code \s}
 * is JavaScript's Unicode white space, {@code \b} is bounded by ASCII word characters, and {@code [^]} is any
 * character. Everything else is passed on; what Java cannot compile is refused.
 */
final class JsRegex {

    /** JavaScript's white space and line terminators, as class contents. */
    private static final String SPACE = "\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";
    private static final String WORD_BOUNDARY = "(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))";
    private static final String NOT_WORD_BOUNDARY = "(?:(?<=[A-Za-z0-9_])(?=[A-Za-z0-9_])|(?<![A-Za-z0-9_])(?![A-Za-z0-9_]))";

    private JsRegex() {
    }

    /**
     * The Java pattern of {@code source}.
     *
     * @throws IllegalArgumentException with the reason, if it cannot be compiled
     */
    static Pattern compile(String source) {
        try {
            return Pattern.compile(translate(source));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a regular expression sigil can use: " + e.getDescription());
        }
    }

    static String translate(String js) {
        StringBuilder out = new StringBuilder(js.length() + 16);
        boolean inClass = false;
        for (int i = 0; i < js.length(); i++) {
            char c = js.charAt(i);
            if (c == '\\' && i + 1 < js.length()) {
                char e = js.charAt(++i);
                switch (e) {
                    case 's' -> out.append(inClass ? SPACE : "[" + SPACE + "]");
                    case 'S' -> out.append("[^" + SPACE + "]"); // inside a class, a nested class is a union in Java
                    case 'b' -> out.append(inClass ? "\\x08" : WORD_BOUNDARY);
                    case 'B' -> out.append(inClass ? "B" : NOT_WORD_BOUNDARY);
                    default -> out.append('\\').append(e);
                }
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                } else if (c == '[' || c == '&') {
                    out.append('\\'); // literal in a JavaScript class, an operator in Java's
                }
                out.append(c);
            } else if (c == '[') {
                if (js.startsWith("[^]", i)) {
                    out.append("[\\s\\S]");
                    i += 2;
                } else if (js.startsWith("[]", i)) {
                    out.append("(?!)");
                    i += 1;
                } else {
                    inClass = true;
                    out.append(c);
                    if (i + 1 < js.length() && js.charAt(i + 1) == '^') {
                        out.append('^');
                        i++;
                    }
                }
            } else if (c == '$') {
                out.append("\\z");
            } else if (c == '.') {
                out.append("[^\\n\\r\\u2028\\u2029]");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
