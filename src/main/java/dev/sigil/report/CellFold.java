package dev.sigil.report;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.sigil.contract.event.EventTime;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.spend.Keys;
import dev.sigil.spend.Ledger;
import dev.sigil.spend.Phases;
import dev.sigil.spend.Prices;
import dev.sigil.spend.Tally;

/**
 * Folds the lines of one session's files into {@link UnitTotals}: every line through a {@link Ledger} of its own (the
 * restated-total rule sees the whole session), each counted line into its {@link Cell}. A range is applied to lines
 * only when it does not fall on whole hours (then the result is not cached); otherwise every line is kept and the
 * range is applied to the cells. Pure apart from its own state; one unit per instance, its lines in order.
 */
final class CellFold {

    /** Cells kept per session; further lines count in one cell of {@link #OTHER} names (a hostile log stays bounded). */
    static final int MAX_CELLS = 100_000;
    static final String OTHER = "(other keys)";

    private final Ledger ledger;
    private final ZoneId zone;
    private final TimeRange lineRange;
    private final Map<Cell, Tally> cells = new LinkedHashMap<>();
    private long lines;
    private long outOfRange;

    /** @param lineRange the range applied to each line ({@link TimeRange#ALL} when the cells are to be cached) */
    CellFold(Prices prices, EventTime undated, TimeRange lineRange) {
        this.ledger = new Ledger(prices, undated);
        this.zone = prices.zone();
        this.lineRange = lineRange;
    }

    void add(LogEvent e, String fileSession) {
        lines++;
        Ledger.Line line = ledger.add(e, fileSession);
        if (line.counted() <= 0) {
            return;
        }
        if (!lineRange.contains(line.time(), zone)) {
            outOfRange++;
            return;
        }
        Cell cell = new Cell(line.time() == null ? null : By.hour(line.time(), zone), Keys.model(e), Keys.component(e),
                Keys.operation(e), Phases.of(e), line.session());
        if (!cells.containsKey(cell) && cells.size() >= MAX_CELLS - 1) {
            cell = new Cell(cell.hour(), OTHER, OTHER, OTHER, OTHER, OTHER);
        }
        cells.merge(cell, Tally.ZERO.plus(e.usage(), line.counted(), line.price()), Tally::plus);
    }

    UnitTotals result(long skipped) {
        return new UnitTotals(cells, lines, skipped, outOfRange, ledger.restatements());
    }
}
