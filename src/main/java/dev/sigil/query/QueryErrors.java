package dev.sigil.query;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The engine's refusals in sigil's words: what is wrong with the query, and where in it when the engine says (a
 * syntax error's line and column, counted in the query as given), never the engine's codes, class names or its
 * restatement of the query. Pure: a function of the engine's error code and message, and of the query.
 */
final class QueryErrors {

    /** How the engine marks the place of a syntax error in its quotation of the query. */
    private static final String HERE = "[*]";
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"]|\"\")*)\"");
    private static final Pattern STATEMENT = Pattern.compile("in SQL statement \"((?:[^\"]|\"\")*)\"", Pattern.DOTALL);
    private static final int NEAR = 24;

    private QueryErrors() {
    }

    /** What {@code e}, the engine's refusal of a query, says, as a sentence of sigil's. */
    static String of(SQLException e) {
        String message = String.valueOf(e.getMessage());
        String name = firstQuoted(message);
        return switch (e.getErrorCode()) {
            case 42000, 42001 -> syntax(message);
            case 42122 -> "no column " + quote(name) + " in events (its columns: " + columns() + ")";
            case 42102, 42103, 42104 -> "no table " + quote(name) + ": the one table is events";
            case 90022 -> "no SQL function " + quote(name);
            case 90016 -> "column " + quote(name) + " must be in the GROUP BY list, or inside an aggregate (count, sum, min, max, avg)";
            case 90015 -> "sum or avg of " + quote(name) + ", which is not a number";
            case 90054 -> "an aggregate cannot be used here: " + quote(name);
            case 22012 -> "division by zero";
            case 22018 -> "a value cannot be converted: " + quote(name) + " (text compared with or cast to a number?)";
            case 90012 -> "the query has a parameter (?) and sigil query gives none: write the value in the query";
            case 90096, 90040 -> "the query may only read the table events (one SELECT): it asked for more";
            case 22003, 90008 -> "a value out of range: " + quote(name);
            case 57014 -> "the query was cancelled";
            default -> plain(message);
        };
    }

    /** A syntax error: where the engine stopped, as line and column of the query, and the text from there. */
    private static String syntax(String message) {
        Matcher m = STATEMENT.matcher(message);
        if (!m.find()) {
            return "syntax error";
        }
        String quoted = unquote(m.group(1));
        int at = quoted.indexOf(HERE);
        if (at < 0) {
            return "syntax error";
        }
        String before = quoted.substring(0, at);
        String after = quoted.substring(at + HERE.length());
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = before.length() - before.lastIndexOf('\n');
        String where = "syntax error at line " + line + ", column " + column;
        if (after.isBlank()) {
            String tail = before.strip();
            return where + ": the query ends too early, after " + quote(tail.length() > NEAR ? "..." + tail.substring(tail.length() - NEAR) : tail);
        }
        String near = after.strip().lines().findFirst().orElse("");
        return where + ", at " + quote(near.length() > NEAR ? near.substring(0, NEAR) + "..." : near);
    }

    /** The engine's words for what is not translated above, without its codes, its quotation of the query or names of its classes. */
    private static String plain(String message) {
        int statement = message.indexOf("; SQL statement:");
        String m = statement >= 0 ? message.substring(0, statement) : message;
        m = m.replaceAll("\\s*\\[[0-9]+-[0-9]+]\\s*$", "").replace(HERE, "").replaceAll("\\b(org\\.h2|java|javax)\\.[\\w.$]+", "").strip();
        m = m.lines().findFirst().orElse("").strip();
        if (m.isEmpty()) {
            return "the query was refused";
        }
        return Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    /** The engine's quotation of the query as the query was: {@code ""} is {@code "}, {@code \\} a backslash, {@code \000a} a control character. */
    static String unquote(String q) {
        StringBuilder out = new StringBuilder(q.length());
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '"' && i + 1 < q.length() && q.charAt(i + 1) == '"') {
                i++;
            } else if (c == '\\' && i + 1 < q.length() && q.charAt(i + 1) == '\\') {
                i++;
            } else if (c == '\\' && i + 4 < q.length() && q.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
                c = (char) Integer.parseInt(q.substring(i + 1, i + 5), 16);
                i += 4;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String firstQuoted(String message) {
        Matcher m = QUOTED.matcher(message);
        return m.find() ? m.group(1).replace("\"\"", "\"") : "";
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    private static String columns() {
        return EventColumns.ALL.stream().map(EventColumns.Column::name).collect(Collectors.joining(", "));
    }
}
