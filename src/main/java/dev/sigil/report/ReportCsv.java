package dev.sigil.report;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.spend.Branch;
import dev.sigil.spend.CallTree;
import dev.sigil.spend.Tally;

/**
 * A report as CSV (RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes doubled): a header
 * row, one row per key, then the total row keyed {@value Columns#TOTAL}; {@code cost_usd} is an exact decimal, empty
 * when unpriced. A tree adds {@code session,parent,depth,label} after its unit's id. Pure.
 */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static List<String> lines(Report r) {
        List<String> out = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of(r.by().wireName()));
        if (r.by() == By.TREE) {
            head.addAll(List.of("session", "parent", "depth", "label"));
        }
        head.addAll(Columns.NAMES);
        if (r.trend()) {
            head.addAll(Columns.CHANGES);
        }
        out.add(join(head));
        if (r.by() == By.TREE) {
            for (Report.SessionTree t : r.trees()) {
                out.add(join(row(List.of(t.session(), t.session(), "", "0", t.session()), t.total())));
                for (Branch b : CallTree.flatten(t.roots())) {
                    out.add(join(row(List.of(b.node().id(), t.session(), b.depth() == 0 ? t.session() : b.node().parent(),
                            Integer.toString(b.depth() + 1), b.node().label()), b.total())));
                }
            }
            out.add(join(row(List.of(Columns.TOTAL, "", "", "", ""), r.total())));
            return out;
        }
        for (int i = 0; i < r.rows().size(); i++) {
            List<String> cells = row(List.of(r.rows().get(i).key()), r.rows().get(i).tally());
            if (r.trend()) {
                for (String c : Columns.change(r.changes().get(i))) {
                    cells.add(c == null ? "" : c);
                }
            }
            out.add(join(cells));
        }
        List<String> total = row(List.of(Columns.TOTAL), r.total());
        if (r.trend()) {
            total.addAll(List.of("", "", ""));
        }
        out.add(join(total));
        return out;
    }

    private static List<String> row(List<String> first, Tally t) {
        List<String> cells = new ArrayList<>(first);
        long[] counts = Columns.counts(t);
        for (int i = 0; i < counts.length; i++) {
            String cost = Columns.cost(t);
            cells.add(i == Columns.COST ? (cost == null ? "" : cost) : Long.toString(counts[i]));
        }
        return cells;
    }

    /** One CSV record of {@code cells} (the one quoting rule of sigil's CSV, also {@code sigil query}'s). */
    public static String join(List<String> cells) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                s.append(',');
            }
            boolean quote = c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0;
            s.append(quote ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        return s.toString();
    }
}
