package dev.sigil.report;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

import dev.sigil.contract.event.EventTime;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.spend.Branch;
import dev.sigil.spend.CallTree;
import dev.sigil.spend.Groups;
import dev.sigil.spend.Ledger;
import dev.sigil.spend.Prices;
import dev.sigil.spend.Tally;

/**
 * Folds lines into the call-tree {@link Report} ({@code --by tree}; every other key is a sum of cells,
 * {@link CellReport}): every line goes through the {@link Ledger} (so a session's running total, and with it the
 * restated-total rule, sees all of it), then only the lines in range count for their session's tree. Pure apart
 * from its own state; one report per instance. The lines of a session must come in order.
 */
final class ReportFold {

    private final TimeRange range;
    private final ZoneId zone;
    private final Ledger ledger;
    private final Groups groups = new Groups(CellReport.MAX_KEYS, CellReport.OTHER_KEYS);
    private final Map<String, CallTree.Builder> trees = new LinkedHashMap<>();
    private final Map<String, Tally> treeTotals = new LinkedHashMap<>();
    private long lines;
    private long outOfRange;

    ReportFold(TimeRange range, Prices prices, EventTime undated) {
        this.range = range;
        this.zone = prices.zone();
        this.ledger = new Ledger(prices, undated);
    }

    void add(LogEvent e, String fileSession) {
        lines++;
        Ledger.Line line = ledger.add(e, fileSession);
        if (!range.contains(line.time(), zone)) {
            outOfRange += line.counted() > 0 ? 1 : 0;
            return;
        }
        trees.computeIfAbsent(line.session(), s -> CallTree.empty().builder()).add(e, line.counted(), line.price());
        if (line.counted() > 0) {
            treeTotals.merge(line.session(), Tally.ZERO.plus(e.usage(), line.counted(), line.price()), Tally::plus);
        }
        groups.add(line.session(), line);
    }

    long lines() {
        return lines;
    }

    /** The report; {@code top} > 0 keeps the {@code top} most expensive rows (per level of a tree). */
    Report report(int top, long files, long skipped) {
        Report.Notes notes = new Report.Notes(files, lines, skipped, outOfRange, ledger.restatements());
        List<Report.SessionTree> out = new ArrayList<>();
        trees.forEach((session, b) -> {
            List<Branch> roots = b.build().branches();
            out.add(new Report.SessionTree(session, top > 0 ? cut(roots, top, 0) : roots, treeTotals.getOrDefault(session, Tally.ZERO)));
        });
        return new Report(By.TREE, List.of(), 0, out, groups.total(), notes, List.of());
    }

    /** Levels below which --top no longer cuts (the recursion stays shallow whatever the log). */
    static final int MAX_CUT_DEPTH = 256;

    /** The {@code top} most expensive branches at each level, in their order. */
    private static List<Branch> cut(List<Branch> level, int top, int depth) {
        if (depth >= MAX_CUT_DEPTH) {
            return level;
        }
        List<Integer> ranked = new ArrayList<>();
        for (int i = 0; i < level.size(); i++) {
            ranked.add(i);
        }
        ranked.sort(((Comparator<Integer>) (a, b) -> Tally.compareUsd(level.get(b).total(), level.get(a).total()))
                .thenComparing(i -> level.get(i).total().totalTokens(), Comparator.reverseOrder()));
        List<Integer> kept = new ArrayList<>(ranked.subList(0, Math.min(top, ranked.size())));
        kept.sort(Comparator.naturalOrder());
        List<Branch> out = new ArrayList<>();
        for (int i : kept) {
            Branch b = level.get(i);
            out.add(new Branch(b.node(), b.depth(), b.total(), b.latencyMs(), cut(b.children(), top, depth + 1), b.slowest(), b.costliest()));
        }
        return out;
    }
}
