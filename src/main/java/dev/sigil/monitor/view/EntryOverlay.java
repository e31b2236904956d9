package dev.sigil.monitor.view;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.monitor.state.EntryView;
import dev.sigil.monitor.state.MonitorState;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import dev.tamboui.text.Line;
import dev.tamboui.text.Span;
import dev.tamboui.widgets.Clear;

/**
 * One event's whole entry over the dashboard (Enter; Esc returns): where it was read ({@code FILE:LINE}) and the
 * entry as pretty JSON, long lines wrapped so that nothing is cut, scrolled with the arrows and page keys.
 */
final class EntryOverlay {

    private EntryOverlay() {
    }

    static void render(MonitorState state, Theme theme, Rect area, Buffer buffer) {
        EntryView d = state.ui().detail();
        Rect box = new Rect(area.x(), area.y() + 1, area.width(), Math.max(3, area.height() - 2));
        Clear.INSTANCE.render(box, buffer);
        Rect inner = Panels.box("Entry · Esc back", theme, box, buffer);
        if (inner.isEmpty()) {
            return;
        }
        List<String> rows = new ArrayList<>();
        if (!d.where().isEmpty()) {
            rows.addAll(Wrap.lines(Labels.safe(d.where()), inner.width())); // the file and line, in full at any width
        }
        if (!d.loaded()) {
            rows.add("reading the entry from its log…");
        }
        if (!d.problem().isEmpty()) {
            rows.addAll(Wrap.lines(Labels.safe(d.problem()), inner.width()));
        }
        for (String l : d.lines()) {
            rows.addAll(wrapped(l, inner.width()));
        }
        int top = Math.max(0, Math.min(d.scroll(), rows.size() - inner.height()));
        List<Line> lines = new ArrayList<>();
        for (int i = top; i < rows.size() && lines.size() < inner.height(); i++) {
            lines.add(Line.from(Span.styled(rows.get(i), d.lines().isEmpty() ? theme.dim() : theme.plain())));
        }
        Panels.lines(inner, buffer, lines);
        if (rows.size() > inner.height()) {
            String where2 = " " + (top + 1) + "-" + Math.min(rows.size(), top + inner.height()) + " of " + rows.size() + " ";
            buffer.setString(box.x() + Math.max(1, box.width() - where2.length() - 2), box.y() + box.height() - 1, where2, theme.dim());
        }
    }

    /** A line cut into pieces of {@code width} columns, its indentation kept on none of them (JSON needs none). */
    private static List<String> wrapped(String line, int width) {
        List<String> out = new ArrayList<>();
        String rest = line;
        while (dev.tamboui.text.CharWidth.of(rest) > width) {
            String head = dev.tamboui.text.CharWidth.substringByWidth(rest, width);
            if (head.isEmpty()) {
                head = rest.substring(0, Character.charCount(rest.codePointAt(0)));
            }
            out.add(head);
            rest = rest.substring(head.length());
        }
        out.add(rest);
        return out;
    }
}
