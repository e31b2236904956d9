package dev.sigil.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.codec.PythonFloatRepr;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.report.ReportCsv;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A query's result as JSON (one array of objects keyed by the result's column names, numbers as numbers, SQL NULL as
 * null, strings as CPython writes them), CSV (RFC 4180: a header, a field with a comma, quote or line break quoted,
 * NULL empty) or a table for people (columns as wide as their values, numbers to the right, NULL empty). Pure.
 */
public final class QueryOutput {

    private static final PythonJsonWriter STRINGS = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);

    private QueryOutput() {
    }

    public static String json(QueryResult r) {
        StringBuilder s = new StringBuilder("[");
        for (List<Object> row : r.rows()) {
            s.append(s.length() == 1 ? "{" : ",{");
            for (int i = 0; i < row.size(); i++) {
                s.append(i == 0 ? "" : ",").append(string(r.columns().get(i))).append(':').append(jsonValue(row.get(i)));
            }
            s.append('}');
        }
        return s.append(']').toString();
    }

    public static List<String> csv(QueryResult r) {
        List<String> out = new ArrayList<>();
        out.add(ReportCsv.join(r.columns()));
        for (List<Object> row : r.rows()) {
            List<String> cells = new ArrayList<>();
            row.forEach(v -> cells.add(text(v)));
            out.add(ReportCsv.join(cells));
        }
        return out;
    }

    public static List<String> table(QueryResult r) {
        int n = r.columns().size();
        int[] width = new int[n];
        List<String[]> cells = new ArrayList<>();
        cells.add(r.columns().toArray(String[]::new));
        for (List<Object> row : r.rows()) {
            String[] c = new String[n];
            for (int i = 0; i < n; i++) {
                c[i] = text(row.get(i)).replace("\n", "\\n").replace("\r", "\\r");
            }
            cells.add(c);
        }
        cells.forEach(c -> {
            for (int i = 0; i < n; i++) {
                width[i] = Math.max(width[i], c[i].length());
            }
        });
        List<String> out = new ArrayList<>();
        for (int k = 0; k < cells.size(); k++) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String v = cells.get(k)[i];
                String pad = " ".repeat(width[i] - v.length());
                boolean right = k > 0 && r.kinds().get(i) == QueryResult.Kind.NUMBER;
                s.append(i == 0 ? "" : "  ").append(right ? pad + v : v + pad);
            }
            out.add(s.toString().stripTrailing());
            if (k == 0) {
                out.add("-".repeat(Math.max(1, out.get(0).length())));
            }
        }
        out.add(r.rows().size() + (r.rows().size() == 1 ? " row" : " rows"));
        return out;
    }

    private static String jsonValue(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : PythonFloatRepr.repr(d);
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Long || v instanceof Boolean) {
            return v.toString();
        }
        return string(v.toString());
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return PythonFloatRepr.repr(d);
        }
        return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }

    private static String string(String text) {
        return STRINGS.encodeToString(JsonNodeFactory.instance.stringNode(text));
    }
}
