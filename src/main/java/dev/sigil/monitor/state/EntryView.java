package dev.sigil.monitor.state;

import java.util.List;

/**
 * One event's whole entry, open over the dashboard after Enter: where it was read and its lines (pretty JSON), or
 * why it could not be read; empty while it is read.
 *
 * @param seq the event's position in the session ({@link EventRow#seq})
 * @param where {@code PATH:LINE}, or "" until read
 * @param lines the entry, pretty-printed, one element per line; empty while it is read or when it could not be
 * @param problem why it could not be read, or ""
 * @param scroll screen rows scrolled down from its top
 */
public record EntryView(long seq, String where, List<String> lines, String problem, int scroll) {

    /** Longest entry kept, in characters: a 1 MiB line is shown up to here, then said to be cut. */
    public static final int MAX_CHARS = 1 << 20;

    public EntryView {
        lines = List.copyOf(lines);
    }

    static EntryView loading(long seq) {
        return new EntryView(seq, "", List.of(), "", 0);
    }

    public boolean loaded() {
        return !lines.isEmpty() || !problem.isEmpty();
    }

    EntryView withScroll(int s) {
        return new EntryView(seq, where, lines, problem, s);
    }

    /**
     * Screen rows the entry needs at {@code width} columns, a little over rather than under (a character outside
     * ASCII counted as two columns), so that scrolling always reaches its end; the view clamps to what it draws.
     */
    int rows(int width) {
        int w = Math.max(1, width);
        int rows = where.isEmpty() ? 0 : rowsOf(where, w); // the view shows where it was read first
        for (String l : lines) {
            rows += rowsOf(l, w);
        }
        return rows + (problem.isEmpty() ? 0 : rowsOf(problem, w));
    }

    private static int rowsOf(String line, int width) {
        int cols = 0;
        for (int i = 0; i < line.length(); i++) {
            cols += line.charAt(i) < 0x80 ? 1 : 2;
        }
        return Math.max(1, (cols + width - 1) / width);
    }
}
