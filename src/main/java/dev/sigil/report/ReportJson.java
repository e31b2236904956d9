package dev.sigil.report;

import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.spend.Branch;
import dev.sigil.spend.CallTree;
import dev.sigil.spend.Tally;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A report as JSON: an array of rows, each an object whose first field is named after {@code --by} (its key), then
 * {@link Columns#NAMES} ({@code cost_usd} an exact decimal number, or null when unpriced), and last an object
 * {@code {"total": {...}}} with the same columns. A tree row names its unit ({@code "tree"}: the event id, or the
 * session for a session's row), its session, parent, depth, label and component, and whether it is on the slowest
 * and the most expensive branch. One line, ASCII (strings as CPython writes them). Pure.
 */
public final class ReportJson {

    private static final PythonJsonWriter STRINGS = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);

    private ReportJson() {
    }

    public static String of(Report r) {
        StringBuilder s = new StringBuilder("[");
        if (r.by() == By.TREE) {
            for (Report.SessionTree t : r.trees()) {
                node(s, t.session(), t.session(), null, 0, t.session(), "", t.total(), false, false);
                for (Branch b : CallTree.flatten(t.roots())) {
                    String parent = b.depth() == 0 ? t.session() : b.node().parent();
                    node(s, b.node().id(), t.session(), parent, b.depth() + 1, b.node().label(), b.node().component(), b.total(),
                            b.slowest(), b.costliest());
                }
            }
        } else {
            for (int i = 0; i < r.rows().size(); i++) {
                Report.Row row = r.rows().get(i);
                s.append('{').append(string(r.by().wireName())).append(':').append(string(row.key()));
                columns(s, row.tally());
                if (r.trend()) {
                    String[] change = Columns.change(r.changes().get(i));
                    for (int c = 0; c < change.length; c++) {
                        s.append(',').append(string(Columns.CHANGES.get(c))).append(':').append(change[c] == null ? "null" : change[c]);
                    }
                }
                s.append("},");
            }
        }
        s.append("{\"total\":{");
        int start = s.length();
        columns(s, r.total());
        s.deleteCharAt(start); // the leading comma
        return s.append("}}]").toString();
    }

    private static void node(StringBuilder s, String id, String session, String parent, int depth, String label, String component,
                             Tally t, boolean slowest, boolean costliest) {
        s.append("{\"tree\":").append(string(id)).append(",\"session\":").append(string(session)).append(",\"parent\":")
                .append(parent == null ? "null" : string(parent)).append(",\"depth\":").append(depth).append(",\"label\":")
                .append(string(label)).append(",\"component\":").append(string(component));
        columns(s, t);
        s.append(",\"slowest\":").append(slowest).append(",\"costliest\":").append(costliest).append("},");
    }

    /** {@code ,"input_tokens":1,...}: every column after a leading comma. */
    private static void columns(StringBuilder s, Tally t) {
        long[] counts = Columns.counts(t);
        for (int i = 0; i < counts.length; i++) {
            s.append(',').append(string(Columns.NAMES.get(i))).append(':');
            if (i == Columns.COST) {
                String cost = Columns.cost(t);
                s.append(cost == null ? "null" : cost);
            } else {
                s.append(counts[i]);
            }
        }
    }

    private static String string(String text) {
        return STRINGS.encodeToString(JsonNodeFactory.instance.stringNode(text));
    }
}
