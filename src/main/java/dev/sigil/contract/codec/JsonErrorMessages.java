package dev.sigil.contract.codec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sigil.text.TerminalText;

/**
 * Turns Jackson's parser messages into short ones in the vocabulary of CPython's json module ("expecting a value",
 * "expecting ',' or '}'"), which is what users of Python logs know, naming the offending character readably (a
 * control or non-ASCII character as U+XXXX, never raw). Unknown messages pass through, trimmed to their first clause.
 */
final class JsonErrorMessages {

    /** Jackson names a character as ('x' (code 120)), ('x' (code 12288 / 0x3000)), (CTRL-CHAR, code 1) and so on. */
    private static final Pattern CHARACTER = Pattern.compile("\\bcode (\\d+)");
    private static final Pattern TOKEN = Pattern.compile("Unrecognized token '([^']*)'");
    private static final Pattern CLOSE = Pattern.compile("Unexpected close marker '(.)'");

    private JsonErrorMessages() {
    }

    static String translate(String jackson) {
        String m = jackson;
        String c = character(m);
        if (m.startsWith("Unexpected end-of-input")) {
            return endOfInput(m);
        }
        if (m.startsWith("Document nesting depth")) {
            return "nested deeper than " + PythonJsonReader.MAX_DEPTH + " levels";
        }
        if (m.startsWith("Illegal unquoted character")) {
            return "control character " + c + " must be escaped inside a string";
        }
        if (m.startsWith("Illegal character")) {
            return "unexpected character " + c + " (only space, tab, CR and LF may separate tokens)";
        }
        if (m.startsWith("Unrecognized character escape")) {
            return "invalid escape: backslash followed by " + c;
        }
        if (m.contains("hex-digit for character escape")) {
            return "invalid \\uXXXX escape (found " + c + ")";
        }
        if (m.contains("surrogate")) {
            return "invalid \\uXXXX escape in a property name";
        }
        if (m.startsWith("Invalid numeric value") || m.contains("in numeric value")) {
            return number(m);
        }
        Matcher close = CLOSE.matcher(m);
        if (close.find()) {
            String found = "'" + close.group(1) + "'";
            if (m.contains("expected ']'")) {
                return "expecting ',' or ']' (found " + found + ")";
            }
            if (m.contains("expected '}'")) {
                return "expecting ',' or '}' (found " + found + ")";
            }
            return "expecting a value (found " + found + ")";
        }
        Matcher token = TOKEN.matcher(m);
        if (token.find()) {
            return "expecting a value (found '" + TerminalText.visible(token.group(1)) + "')";
        }
        if (m.contains("separating root-level values")) {
            return "extra data after the value";
        }
        if (c != null) {
            return afterCharacter(m, c);
        }
        int clause = m.indexOf(':');
        return clause > 0 ? m.substring(0, clause) : m;
    }

    private static String endOfInput(String m) {
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

    private static String number(String m) {
        if (m.contains("plus signs")) {
            return "invalid number: a leading '+' is not allowed";
        }
        int colon = m.indexOf("): ");
        // ": " and not ':', which may be the character itself ("(':' (code 58)) in numeric value: ...")
        int clause = m.indexOf(": ");
        String why = colon >= 0 ? m.substring(colon + 3) : clause >= 0 ? m.substring(clause + 2).trim() : m;
        int comma = why.indexOf(", for valid numeric value");
        return "invalid number: " + lowerFirst(comma > 0 ? why.substring(0, comma) : why);
    }

    private static String afterCharacter(String m, String c) {
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

    /** The character Jackson's message names, as 'x' for printable ASCII and U+XXXX otherwise; null if none. */
    private static String character(String m) {
        Matcher found = CHARACTER.matcher(m);
        if (!found.find()) {
            return null;
        }
        int code = Integer.parseInt(found.group(1));
        return code > 0x20 && code < 0x7f ? "'" + (char) code + "'" : String.format("U+%04X", code);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
