package dev.sigil.report;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.sigil.spend.Groups;
import dev.sigil.spend.Tally;

/**
 * A {@link Report} from the cells of the sessions read (every {@code --by} but the tree): the cells in range summed by
 * the key of {@code --by}, the most expensive {@code --top} kept, periods and sessions in their order, and with
 * {@code --trend} the periods' changes. Pure.
 */
final class CellReport {

    /** Keys kept; further keys count together (a hostile log cannot make a report hold millions of names). */
    static final int MAX_KEYS = 100_000;
    static final String OTHER_KEYS = "(other keys)";

    private CellReport() {
    }

    /**
     * @param range applied to the cells (the units were read with no range of their own), or {@link TimeRange#ALL}
     */
    static Report of(List<UnitTotals> units, ReportRequest request, TimeRange range, ZoneId zone, long files) {
        By by = request.by();
        Groups groups = new Groups(MAX_KEYS, OTHER_KEYS);
        long lines = 0;
        long skipped = 0;
        long outOfRange = 0;
        long restatements = 0;
        for (UnitTotals u : units) {
            lines += u.lines();
            skipped += u.skipped();
            outOfRange += u.outOfRange();
            restatements += u.restatements();
            for (Map.Entry<Cell, Tally> c : u.cells().entrySet()) {
                if (!contains(range, c.getKey(), zone)) {
                    outOfRange += c.getValue().events();
                    continue;
                }
                groups.add(by.key(c.getKey()), c.getValue());
            }
        }
        Report.Notes notes = new Report.Notes(files, lines, skipped, outOfRange, restatements);
        List<Map.Entry<String, Tally>> ranked = groups.byCost();
        List<Map.Entry<String, Tally>> kept = request.top() > 0 && ranked.size() > request.top() ? ranked.subList(0, request.top()) : ranked;
        List<Report.Row> rows = new ArrayList<>();
        kept.forEach(e -> rows.add(new Report.Row(e.getKey(), e.getValue())));
        if (by.isTime() || by == By.SESSION) {
            // a calendar, a list of sessions: in their order ("(no date)" after the dates)
            rows.sort(Comparator.comparing((Report.Row r) -> r.key().equals(By.NO_DATE)).thenComparing(Report.Row::key));
        }
        List<Report.Change> changes = List.of();
        if (request.trend()) {
            List<Report.Row> filled = Trend.filled(by, rows);
            rows.clear();
            rows.addAll(filled);
            changes = Trend.changes(rows);
        }
        return new Report(by, rows, ranked.size() - kept.size(), List.of(), groups.total(), notes, changes);
    }

    /** Whether the lines of {@code c} are in {@code range}: the cell's hour is, the range falling on whole hours. */
    static boolean contains(TimeRange range, Cell c, ZoneId zone) {
        if (!range.bounded()) {
            return true;
        }
        if (c.hour() == null) {
            return false;
        }
        java.time.Instant at = c.hour().atZone(zone).toInstant();
        return range.from().map(f -> !at.isBefore(f)).orElse(true) && range.to().map(u -> at.isBefore(u)).orElse(true);
    }
}
