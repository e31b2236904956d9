package dev.sigil.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.spend.Tally;

/**
 * {@code --trend}: the periods of a time report in order, the empty ones between the first and the last filled in
 * (a day without runs is a day of $0, and the next day's change is against it), and each period's change against
 * the one before. Pure.
 */
final class Trend {

    private Trend() {
    }

    /** {@code rows} (periods of {@code by}, in order, {@link By#NO_DATE} last if at all) with their gaps filled. */
    static List<Report.Row> filled(By by, List<Report.Row> rows) {
        List<Report.Row> out = new ArrayList<>();
        for (Report.Row row : rows) {
            if (!out.isEmpty() && !row.key().equals(By.NO_DATE)) {
                String next = by.next(out.get(out.size() - 1).key());
                for (int guard = 0; next != null && next.compareTo(row.key()) < 0 && guard < 100_000; guard++) {
                    out.add(new Report.Row(next, Tally.ZERO));
                    next = by.next(next);
                }
            }
            out.add(row);
        }
        return out;
    }

    /** The change of each row against the row before it (the first, and a row without a date, have none). */
    static List<Report.Change> changes(List<Report.Row> rows) {
        List<Report.Change> out = new ArrayList<>();
        Tally before = null;
        for (Report.Row row : rows) {
            Tally now = row.tally();
            if (before == null || row.key().equals(By.NO_DATE)) {
                out.add(Report.Change.NONE);
            } else {
                BigDecimal usd = now.usd().subtract(before.usd());
                BigDecimal percent = before.usd().signum() == 0 ? null
                        : usd.multiply(BigDecimal.valueOf(100)).divide(before.usd(), 1, RoundingMode.HALF_EVEN);
                out.add(new Report.Change(true, usd, now.totalTokens() - before.totalTokens(), percent));
            }
            before = now;
        }
        return out;
    }
}
