package dev.sigil.report;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.cost.Money;
import dev.sigil.spend.Branch;
import dev.sigil.spend.CallTree;
import dev.sigil.spend.Tally;

/**
 * A report as a table for people: the key, the counts and the cost ({@code unpriced} when nothing of a row had a
 * price, never $0), columns as wide as their widest value, then the total row. A tree is shown indented, each
 * session with its units below it, {@code $} on the most expensive branch and {@code >} on the slowest. Pure.
 */
public final class ReportText {

    private ReportText() {
    }

    public static List<String> lines(Report r) {
        List<String[]> cells = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of(r.by().wireName()));
        head.addAll(Columns.NAMES);
        if (r.trend()) {
            head.addAll(List.of("change_usd", "change_tokens", "change_%"));
        }
        cells.add(head.toArray(String[]::new));
        if (r.by() == By.TREE) {
            for (Report.SessionTree t : r.trees()) {
                cells.add(row(t.session(), t.total()));
                for (Branch b : CallTree.flatten(t.roots())) {
                    String marks = (b.costliest() ? "$" : " ") + (b.slowest() ? ">" : " ");
                    cells.add(row(marks + "  ".repeat(Math.min(b.depth(), 12) + 1) + b.node().label(), b.total()));
                }
            }
        } else {
            for (int i = 0; i < r.rows().size(); i++) {
                String[] c = row(r.rows().get(i).key(), r.rows().get(i).tally());
                cells.add(r.trend() ? withChange(c, r.changes().get(i)) : c);
            }
        }
        int[] width = new int[head.size()];
        for (String[] c : cells) {
            for (int i = 0; i < c.length; i++) {
                width[i] = Math.max(width[i], c[i].length());
            }
        }
        String[] total = row(Columns.TOTAL, r.total());
        if (r.trend()) {
            total = java.util.Arrays.copyOf(total, head.size());
            java.util.Arrays.fill(total, total.length - 3, total.length, "");
        }
        for (int i = 0; i < total.length; i++) {
            width[i] = Math.max(width[i], total[i].length());
        }
        List<String> out = new ArrayList<>();
        cells.forEach(c -> out.add(format(c, width)));
        if (r.hidden() > 0) {
            out.add(r.hidden() + (r.hidden() == 1 ? " more row" : " more rows") + " not shown (--top), counted in the total");
        }
        out.add("-".repeat(out.get(0).length()));
        out.add(format(total, width));
        return out;
    }

    /** A row with its change: signed dollars and tokens, and percent ("" for the first period, "-" after a $0 one). */
    private static String[] withChange(String[] c, Report.Change change) {
        String[] out = java.util.Arrays.copyOf(c, c.length + 3);
        if (!change.known()) {
            java.util.Arrays.fill(out, c.length, out.length, "");
            return out;
        }
        out[c.length] = (change.usd().signum() < 0 ? "-" : "+") + Money.dollars(change.usd().abs());
        out[c.length + 1] = (change.tokens() < 0 ? "-" : "+") + Money.count(Math.abs(change.tokens()));
        out[c.length + 2] = change.percent() == null ? "-" : (change.percent().signum() < 0 ? "" : "+") + change.percent().toPlainString() + "%";
        return out;
    }

    private static String[] row(String key, Tally t) {
        long[] counts = Columns.counts(t);
        String[] c = new String[counts.length + 1];
        c[0] = key;
        for (int i = 0; i < counts.length; i++) {
            c[i + 1] = i == Columns.COST ? Columns.dollars(t) : Money.count(counts[i]);
        }
        return c;
    }

    private static String format(String[] c, int[] width) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < c.length; i++) {
            if (i == 0) {
                s.append(c[i]).append(" ".repeat(width[i] - c[i].length()));
            } else {
                s.append("  ").append(" ".repeat(width[i] - c[i].length())).append(c[i]);
            }
        }
        return s.toString().stripTrailing();
    }
}
