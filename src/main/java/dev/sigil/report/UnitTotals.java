package dev.sigil.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.sigil.spend.Tally;

/**
 * What one session's files spent, cell by cell, and what was read of them: the unit a report caches and sums.
 *
 * @param cells the tally of each cell, in order of first appearance
 * @param lines lines read (blank ones not counted)
 * @param skipped lines that are not JSON objects, or too long
 * @param outOfRange counted lines left out by a range applied while reading (0 when the range is applied to cells)
 * @param restatements completion lines whose tokens restated their session's total, counted once
 */
record UnitTotals(Map<Cell, Tally> cells, long lines, long skipped, long outOfRange, long restatements) {

    UnitTotals {
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

}
