package dev.sigil.monitor.view;

import java.util.ArrayList;
import java.util.List;

import dev.tamboui.layout.Constraint;
import dev.tamboui.text.CharWidth;
import dev.tamboui.text.Span;

/**
 * Column widths of the dashboard's tables, from their content and the room there is: each column wants the width of
 * its widest cell (header included); when they do not all fit, the widest column gives way first, one column at a
 * time, down to its minimum; room left over goes to the last column. So a name is cut only when the screen is too
 * narrow for it, and then after the message next to it has already given way.
 */
final class Columns {

    /** Columns are two spaces apart when that fits, else one. */
    static final int WIDE_SPACING = 2;
    static final int SPACING = 1;

    private final List<String> headers = new ArrayList<>();
    private final List<Integer> wanted = new ArrayList<>();
    private final List<Integer> minimum = new ArrayList<>();

    /** A column headed {@code header}, at least {@code min} wide (or less, if its cells are all narrower). */
    Columns add(String header, int min) {
        headers.add(header);
        wanted.add(CharWidth.of(header));
        minimum.add(min);
        return this;
    }

    /** A cell of the last column added, or of column {@code index}. */
    void measure(int index, String cell) {
        wanted.set(index, Math.max(wanted.get(index), CharWidth.of(cell)));
    }

    int count() {
        return headers.size();
    }

    /** The space between columns at {@code available} columns: two when every column fits whole with two. */
    int spacing(int available) {
        int sum = WIDE_SPACING * Math.max(0, wanted.size() - 1);
        for (int w : wanted) {
            sum += w;
        }
        return sum <= available ? WIDE_SPACING : SPACING;
    }

    /** The widths that fit {@code available} columns in all, {@link #spacing} apart. */
    int[] fit(int available) {
        int n = wanted.size();
        int[] w = new int[n];
        int[] min = new int[n];
        int sum = spacing(available) * Math.max(0, n - 1);
        for (int i = 0; i < n; i++) {
            w[i] = wanted.get(i);
            min[i] = Math.min(minimum.get(i), w[i]);
            sum += w[i];
        }
        while (sum > available) {
            int widest = -1;
            for (int i = 0; i < n; i++) {
                if (w[i] > min[i] && (widest < 0 || w[i] > w[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                break; // every column at its minimum: the table is cut at the right edge
            }
            int next = 0; // give way down to the next widest column at once; columns equally wide take turns
            for (int i = 0; i < n; i++) {
                if (i != widest) {
                    next = Math.max(next, w[i]);
                }
            }
            int cut = Math.min(sum - available, Math.max(1, w[widest] - Math.max(next, min[widest])));
            w[widest] -= cut;
            sum -= cut;
        }
        if (sum < available && n > 0) {
            w[n - 1] += available - sum;
        }
        return w;
    }

    static List<Constraint> constraints(int[] widths) {
        List<Constraint> out = new ArrayList<>();
        for (int w : widths) {
            out.add(Constraint.length(w));
        }
        return out;
    }

    /** {@code text} in at most {@code width} columns: whole, or cut with "…" at the end. */
    static String cut(String text, int width) {
        if (CharWidth.of(text) <= width) {
            return text;
        }
        return width <= 0 ? "" : CharWidth.substringByWidth(text, width - 1) + "…";
    }

    /**
     * {@code spans} in at most {@code width} columns: all of them, or those that fit with the one that does not cut and
     * ended with "…" (in its own style); the spans after it are left out. The one cut of a panel's line.
     */
    static List<Span> cut(List<Span> spans, int width) {
        int total = 0;
        for (Span sp : spans) {
            total += sp.width();
        }
        if (total <= width) {
            return spans;
        }
        List<Span> out = new ArrayList<>();
        int used = 0;
        for (Span sp : spans) {
            if (used + sp.width() < width) {
                out.add(sp);
                used += sp.width();
                continue;
            }
            if (width > used) {
                out.add(Span.styled(CharWidth.substringByWidth(sp.content(), width - used - 1) + "…", sp.style()));
            }
            break;
        }
        return out;
    }

    /** {@code path} in at most {@code width} columns, its end kept (the file and the session are there): "…/s/x.jsonl". */
    static String pathTail(String path, int width) {
        if (CharWidth.of(path) <= width) {
            return path;
        }
        if (width <= 1) {
            return width == 1 ? "…" : "";
        }
        String tail = CharWidth.substringByWidthFromEnd(path, width - 1);
        int slash = tail.indexOf('/');
        if (slash > 0 && slash < tail.length() - 1) {
            tail = tail.substring(slash); // start at a directory when one fits
        }
        return "…" + tail;
    }
}
