package dev.sigil.query;

import java.util.List;

/**
 * What a query returned: its column names (as the result names them) and its rows, each value a {@link String}, a
 * {@link Long}, a {@link java.math.BigDecimal}, a {@link Double}, a {@link Boolean} or null.
 *
 * @param columns the result's column names, in order
 * @param kinds how each column's values are written: a number, a truth value, or text
 * @param rows the rows, each as many values as there are columns
 * @param lines the log lines loaded into {@code events}
 * @param skipped lines that are not JSON objects, or too long
 */
public record QueryResult(List<String> columns, List<Kind> kinds, List<List<Object>> rows, long lines, long skipped) {

    /** How a column's values are written in JSON and aligned in a table. */
    public enum Kind { NUMBER, BOOLEAN, TEXT }

    public QueryResult {
        columns = List.copyOf(columns);
        kinds = List.copyOf(kinds);
        rows = List.copyOf(rows);
    }
}
