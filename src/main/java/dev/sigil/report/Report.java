package dev.sigil.report;

import java.util.List;

import dev.sigil.spend.Branch;
import dev.sigil.spend.Tally;

/**
 * A report: one row per key (or, {@code --by tree}, each session's call tree), the total of everything read in range
 * (rows left out by {@code --top} included), and what was read and left out.
 *
 * @param by what it groups by
 * @param rows the rows shown, in order
 * @param hidden rows left out by {@code --top}
 * @param trees each session's tree, for {@link By#TREE}
 * @param total every counted line in range
 * @param notes what was read and left out
 * @param changes with {@code --trend}, each row's change against the row before it (same order as rows); else empty
 */
public record Report(By by, List<Row> rows, int hidden, List<SessionTree> trees, Tally total, Notes notes, List<Change> changes) {

    public Report {
        rows = List.copyOf(rows);
        trees = List.copyOf(trees);
        changes = List.copyOf(changes);
    }

    /** Whether the rows carry their change against the previous period. */
    public boolean trend() {
        return !changes.isEmpty();
    }

    /**
     * A period's change against the one before it.
     *
     * @param known whether there is a period before it (the first row has none)
     * @param usd the change of the cost in dollars (priced lines)
     * @param tokens the change of the tokens
     * @param percent the change of the cost in percent of the previous period's; null when that was $0 or unknown
     */
    public record Change(boolean known, java.math.BigDecimal usd, long tokens, java.math.BigDecimal percent) {
        /** The first period's: nothing to compare with. */
        public static final Change NONE = new Change(false, java.math.BigDecimal.ZERO, 0, null);
    }

    /** One key's tokens and dollars. */
    public record Row(String key, Tally tally) {
    }

    /**
     * One session's call tree.
     *
     * @param session the session
     * @param roots its roots, rolled up (a root's branches cut to {@code --top} per level when given)
     * @param total the session's lines in range
     */
    public record SessionTree(String session, List<Branch> roots, Tally total) {
        public SessionTree {
            roots = List.copyOf(roots);
        }
    }

    /**
     * @param files files read
     * @param lines lines read (blank ones not counted)
     * @param skipped lines that are not JSON objects, or too long
     * @param outOfRange counted lines outside --since/--until (or without a readable time when a bound is given)
     * @param restatements completion lines whose tokens restated their session's total, counted once
     */
    public record Notes(long files, long lines, long skipped, long outOfRange, long restatements) {
    }
}
