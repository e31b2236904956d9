package dev.sigil.monitor.view;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.SessionChoice;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import dev.tamboui.text.Line;
import dev.tamboui.text.Span;
import dev.tamboui.widgets.Clear;

/**
 * The session picker ({@code s}): each session with its status, start (to the second), tokens, log size and task,
 * newest first, in columns sized by their content ({@link Columns}: the task gives way first); what is typed narrows
 * the list.
 */
final class PickerOverlay {

    private static final String[] HEADERS = {"session", "status", "started", "tokens", "size", "task"};
    /** The id and the start to the second are kept whole where the screen allows: the task gives way. */
    private static final int[] MIN = {17, 8, 19, 6, 8, 8};

    private PickerOverlay() {
    }

    static void render(MonitorState state, Theme theme, Rect area, Buffer buffer) {
        List<SessionChoice> offered = state.ui().offeredSessions();
        int total = state.ui().sessions().size();
        Rect box = Panels.centered(area, Math.max(40, Math.min(area.width() - 2, 130)), Math.max(5, Math.min(offered.size(), 15) + 4));
        Clear.INSTANCE.render(box, buffer);
        String typed = state.ui().pickerFilter();
        String title = "Sessions " + (typed.isEmpty() ? Labels.tokens(total) : Labels.tokens(offered.size()) + " of " + Labels.tokens(total)
                + " · \"" + Labels.safe(typed) + "\"") + " · Enter follows, Esc closes";
        Rect inner = Panels.box(title, theme, box, buffer);
        if (inner.height() < 2) {
            return;
        }
        if (offered.isEmpty()) {
            String why = total == 0 ? "no session found" : "no session matches \"" + Labels.safe(typed) + "\" (Backspace, or Esc clears it)";
            Panels.line(inner, 0, buffer, Span.styled(why, theme.dim()));
            return;
        }
        Columns columns = new Columns();
        for (int i = 0; i < HEADERS.length; i++) {
            columns.add(HEADERS[i], MIN[i]);
        }
        List<String[]> rows = new ArrayList<>();
        for (SessionChoice c : offered) {
            String[] cells = cells(c);
            rows.add(cells);
            for (int i = 0; i < cells.length; i++) {
                columns.measure(i, cells[i]);
            }
        }
        int[] widths = columns.fit(inner.width() - 2);
        String gap = " ".repeat(columns.spacing(inner.width() - 2));
        List<Line> lines = new ArrayList<>();
        lines.add(Line.from(Span.styled("  " + join(HEADERS, widths, gap), theme.dim())));
        int selected = Math.min(state.ui().pickerIndex(), offered.size() - 1);
        int room = inner.height() - 1;
        int first = Math.max(0, Math.min(selected - room / 2, offered.size() - room));
        for (int i = first; i < offered.size() && lines.size() <= room; i++) {
            String text = (i == selected ? "> " : "  ") + join(rows.get(i), widths, gap);
            lines.add(Line.from(Span.styled(text, i == selected ? theme.highlight() : theme.plain())));
        }
        Panels.lines(inner, buffer, lines);
    }

    private static String[] cells(SessionChoice c) {
        return new String[] {Labels.safe(c.id()), c.status().isEmpty() ? "-" : c.status(), started(c.started()),
            c.tokens() < 0 ? "-" : Labels.tokens(c.tokens()), Labels.bytes(c.sizeBytes()), Labels.safe(c.task())};
    }

    /** {@code 2026-01-11 10:15:32} of a log timestamp: to the second, as written (no time zone is added). */
    static String started(String timestamp) {
        if (timestamp.length() < 19) {
            return timestamp.isEmpty() ? "-" : Labels.safe(timestamp);
        }
        return Labels.safe(timestamp.substring(0, 10) + " " + timestamp.substring(11, 19));
    }

    private static String join(String[] cells, int[] widths, String gap) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = Columns.cut(cells[i], widths[i]);
            boolean number = i == 3 || i == 4;
            out.append(number ? Panels.right(cell, widths[i]) : pad(cell, widths[i]));
            if (i < cells.length - 1) {
                out.append(gap);
            }
        }
        return out.toString();
    }

    private static String pad(String s, int width) {
        int w = dev.tamboui.text.CharWidth.of(s);
        return w >= width ? s : s + " ".repeat(width - w);
    }
}
