package dev.sigil.monitor.view;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.monitor.state.ComponentStats;
import dev.sigil.monitor.state.SessionStats;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import dev.tamboui.style.Style;
import dev.tamboui.text.Span;
import dev.tamboui.widgets.table.Cell;
import dev.tamboui.widgets.table.Row;
import dev.tamboui.widgets.table.Table;
import dev.tamboui.widgets.table.TableState;

/** Tokens, operations, latency and errors per component, with bars, and the performance line under them. */
final class ComponentsPanel {

    private static final String[] EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};

    private ComponentsPanel() {
    }

    static void render(SessionStats s, Theme theme, Display display, Rect area, Buffer buffer) {
        Rect inner = Panels.box("Components", theme, area, buffer);
        if (inner.isEmpty()) {
            return;
        }
        if (s.components().isEmpty()) {
            Panels.line(inner, 0, buffer, Panels.text("no step completed yet", theme.dim()));
            return;
        }
        int tableRows = Math.max(1, inner.height() - (display.latency() ? 1 : 0));
        Rect tableArea = new Rect(inner.x(), inner.y(), inner.width(), tableRows);
        long max = 1;
        for (ComponentStats c : s.components()) {
            max = Math.max(max, c.tokens());
        }
        boolean wide = inner.width() >= 56;
        boolean latency = wide && display.latency();
        boolean last = inner.width() >= 70; // a component's latest message (seed 001 §4.3.2's last_message)
        List<ComponentStats> shown = s.components();
        int room = tableRows - 1;
        if (shown.size() > room) {
            shown = shown.subList(0, Math.max(0, room - 1));
        }
        Columns columns = new Columns().add("component", 6).add("tokens", 6).add("ops", 3);
        if (latency) {
            columns.add("avg ms", 6);
        }
        if (wide) {
            columns.add("err", 3);
        }
        int bar = columns.count();
        columns.add("", last ? 8 : 4);
        columns.measure(bar, " ".repeat(last ? 16 : 4));
        if (last) {
            columns.add("last message", 12);
        }
        List<String[]> texts = new ArrayList<>();
        for (ComponentStats c : shown) {
            String[] t = cells(c, latency, wide, last);
            texts.add(t);
            for (int i = 0; i < t.length; i++) {
                if (i != bar) {
                    columns.measure(i, t[i]);
                }
            }
        }
        int[] widths = columns.fit(inner.width());
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < shown.size(); r++) {
            ComponentStats c = shown.get(r);
            String[] t = texts.get(r);
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < t.length; i++) {
                String text = i == bar ? bar(c.tokens(), max, widths[i]) : Columns.cut(t[i], widths[i]);
                boolean number = i > 0 && i < bar;
                cells.add(Cell.from(number ? Panels.right(text, widths[i]) : text).style(style(c, i, bar, latency, wide, theme, display)));
            }
            rows.add(Row.from(cells));
        }
        if (shown.size() < s.components().size()) {
            rows.add(Row.from(Cell.from("… " + (s.components().size() - shown.size()) + " more")).style(theme.dim()));
        }
        String[] heads = headings(latency, wide, last);
        for (int i = 0; i < heads.length; i++) {
            boolean number = i > 0 && i < bar;
            heads[i] = number ? Panels.right(Columns.cut(heads[i], widths[i]), widths[i]) : Columns.cut(heads[i], widths[i]);
        }
        Table.builder().header(Row.from(heads).style(theme.dim())).rows(rows).widths(Columns.constraints(widths))
                .columnSpacing(columns.spacing(inner.width())).build().render(tableArea, buffer, new TableState());
        if (display.latency()) {
            performance(s, theme, display, new Rect(inner.x(), inner.y() + tableRows, inner.width(), 1), buffer);
        }
    }

    private static String[] cells(ComponentStats c, boolean latency, boolean wide, boolean last) {
        List<String> t = new ArrayList<>(List.of(Labels.safe(c.name()), Labels.tokens(c.tokens()), Labels.tokens(c.operations())));
        if (latency) {
            t.add(Labels.tokens(Math.round(c.avgLatencyMs())));
        }
        if (wide) {
            t.add(c.errors() == 0 ? "" : Labels.tokens(c.errors()));
        }
        t.add("");
        if (last) {
            t.add(Labels.safe(c.lastMessage()));
        }
        return t.toArray(String[]::new);
    }

    private static Style style(ComponentStats c, int column, int bar, boolean latency, boolean wide, Theme theme, Display display) {
        if (column == bar) {
            return theme.bar();
        }
        if (latency && column == 3) {
            return display.slow(c.avgLatencyMs()) ? theme.notice() : theme.plain();
        }
        if (wide && column == bar - 1 && c.errors() > 0) {
            return theme.error();
        }
        return column > bar ? theme.dim() : theme.plain();
    }

    private static String[] headings(boolean latency, boolean wide, boolean last) {
        List<String> h = new ArrayList<>(List.of("component", "tokens", "ops"));
        if (latency) {
            h.add("avg ms");
        }
        if (wide) {
            h.add("err");
        }
        h.add("");
        if (last) {
            h.add("last message");
        }
        return h.toArray(String[]::new);
    }

    private static void performance(SessionStats s, Theme theme, Display display, Rect area, Buffer buffer) {
        ComponentStats slowest = s.slowest();
        long ops = s.operations();
        List<Span> spans = new ArrayList<>();
        if (display.slowest()) {
            spans.add(Panels.text("slowest ", theme.dim()));
            spans.add(Panels.raw(Labels.safe(slowest.name()) + " " + Labels.milliseconds(slowest.totalLatencyMs())));
        }
        List<List<Span>> optional = List.of(
                List.of(Panels.text(spans.isEmpty() ? "total " : " · total ", theme.dim()), Panels.raw(Labels.milliseconds(s.totalLatencyMs()))),
                List.of(Panels.text(" · avg ", theme.dim()), Panels.raw(ops == 0 ? "-" : Labels.milliseconds(s.totalLatencyMs() / ops))));
        for (List<Span> more : optional) {
            int width = spans.stream().mapToInt(Span::width).sum() + more.stream().mapToInt(Span::width).sum();
            if (width <= area.width()) {
                spans.addAll(more); // the average goes first when the panel is narrow
            }
        }
        Panels.line(area, 0, buffer, spans.toArray(Span[]::new));
    }

    /** A bar of {@code width} columns at most, in eighths of a column. */
    static String bar(long value, long max, int width) {
        if (width <= 0 || max <= 0 || value <= 0) {
            return "";
        }
        long eighths = Math.max(1, Math.round((double) value / max * width * 8));
        StringBuilder out = new StringBuilder();
        out.append("█".repeat((int) (eighths / 8)));
        out.append(EIGHTHS[(int) (eighths % 8)]);
        return out.toString();
    }
}
