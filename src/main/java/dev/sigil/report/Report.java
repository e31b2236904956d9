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
 */
public record Report(By by, List<Row> rows, int hidden, List<SessionTree> trees, Tally total, Notes notes) {

    public Report {
        rows = List.copyOf(rows);
        trees = List.copyOf(trees);
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
