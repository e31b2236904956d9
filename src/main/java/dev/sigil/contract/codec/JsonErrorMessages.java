package dev.sigil.contract.codec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Jackson's parser messages into short ones in the vocabulary of CPython's json module ("expecting a value",
 * "expecting ',' or '}'"), which is what users of Python logs know. Unknown messages pass through, trimmed.
 */
final class JsonErrorMessages {

    private static final Pattern FOUND = Pattern.compile("Unexpected character \\('(.+?)' \\(code (\\d+)\\)\\)");
    private static final Pattern TOKEN = Pattern.compile("Unrecognized token '(.*?)'");
    private static final Pattern CTRL = Pattern.compile("code (\\d+)\\)");
    private static final Pattern ESCAPE = Pattern.compile("Unrecognized character escape '(.+?)' \\(code (\\d+)\\)");

    private JsonErrorMessages() {
    }

    static String translate(String jackson) {
        String m = jackson;
        if (m.startsWith("Unexpected end-of-input")) {
            if (m.contains("VALUE_STRING") || m.contains("in property name") || m.contains("in field name")) {
                return "unterminated string";
            }
            if (m.contains("Object")) {
                return "unexpected end of line: the object is not closed";
            }
            if (m.contains("Array")) {
                return "unexpected end of line: the array is not closed";
            }
            return "unexpected end of line: incomplete value";
        }
        if (m.startsWith("Document nesting depth")) {
            return "nested deeper than " + PythonJsonReader.MAX_DEPTH + " levels";
        }
        if (m.startsWith("Illegal unquoted character")) {
            return "control character " + codePoint(m) + " must be escaped inside a string";
        }
        if (m.startsWith("Illegal character")) {
            return "unexpected character " + codePoint(m) + " (only space, tab, CR and LF may separate tokens)";
        }
        Matcher escape = ESCAPE.matcher(m);
        if (escape.find()) {
            return "invalid escape '\\" + escape.group(1) + "'";
        }
        if (m.contains("hex-digit for character escape")) {
            return "invalid \\uXXXX escape";
        }
        if (m.startsWith("Invalid numeric value") || m.contains("in numeric value")) {
            if (m.contains("plus signs")) {
                return "invalid number: a leading '+' is not allowed";
            }
            int colon = m.indexOf("): ");
            String why = colon >= 0 ? m.substring(colon + 3) : m.substring(m.indexOf(':') + 1).trim();
            return "invalid number: " + lowerFirst(why);
        }
        Matcher token = TOKEN.matcher(m);
        if (token.find()) {
            return "expecting a value (found '" + token.group(1) + "')";
        }
        Matcher found = FOUND.matcher(m);
        if (found.find()) {
            String c = visible(found.group(1), Integer.parseInt(found.group(2)));
            if (m.contains("double-quote to start")) {
                return "expecting a property name in double quotes (found " + c + ")";
            }
            if (m.contains("separate Object entries")) {
                return "expecting ',' or '}' (found " + c + ")";
            }
            if (m.contains("separate Array entries")) {
                return "expecting ',' or ']' (found " + c + ")";
            }
            if (m.contains("colon to separate")) {
                return "expecting ':' after the property name (found " + c + ")";
            }
            return "expecting a value (found " + c + ")";
        }
        return m;
    }

    private static String visible(String text, int code) {
        return code < 0x20 || code == 0x7f ? String.format("U+%04X", code) : "'" + text + "'";
    }

    private static String codePoint(String m) {
        Matcher c = CTRL.matcher(m);
        return c.find() ? String.format("U+%04X", Integer.parseInt(c.group(1))) : "";
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
