package dev.sigil.monitor.view;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.monitor.state.ComponentStats;
import dev.sigil.monitor.state.SessionStats;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Constraint;
import dev.tamboui.layout.Rect;
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
        int barWidth = Math.max(0, inner.width() - (wide ? 12 + 9 + 5 + (latency ? 9 : 0) + 4 + (latency ? 5 : 4) : 12 + 9 + 5 + 3));
        List<Row> rows = new ArrayList<>();
        List<ComponentStats> shown = s.components();
        int room = tableRows - 1;
        if (shown.size() > room) {
            shown = shown.subList(0, Math.max(0, room - 1));
        }
        for (ComponentStats c : shown) {
            List<Cell> cells = new ArrayList<>(List.of(
                    Cell.from(Labels.safe(c.name())),
                    Cell.from(Panels.right(Labels.tokens(c.tokens()), 9)),
                    Cell.from(Panels.right(Labels.tokens(c.operations()), 5))));
            if (latency) {
                cells.add(Cell.from(Panels.right(Labels.tokens(Math.round(c.avgLatencyMs())), 9))
                        .style(display.slow(c.avgLatencyMs()) ? theme.notice() : theme.plain()));
            }
            if (wide) {
                cells.add(Cell.from(Panels.right(c.errors() == 0 ? "" : Labels.tokens(c.errors()), 4))
                        .style(c.errors() == 0 ? theme.plain() : theme.error()));
            }
            cells.add(Cell.from(bar(c.tokens(), max, barWidth)).style(theme.bar()));
            rows.add(Row.from(cells));
        }
        if (shown.size() < s.components().size()) {
            rows.add(Row.from(Cell.from("… " + (s.components().size() - shown.size()) + " more")).style(theme.dim()));
        }
        Row header = Row.from(headings(wide, latency));
        List<Constraint> widths = new ArrayList<>(List.of(Constraint.length(12), Constraint.length(9), Constraint.length(5)));
        if (latency) {
            widths.add(Constraint.length(9));
        }
        if (wide) {
            widths.add(Constraint.length(4));
        }
        widths.add(Constraint.fill());
        Table.builder().header(header.style(theme.dim())).rows(rows).widths(widths).build().render(tableArea, buffer, new TableState());
        if (display.latency()) {
            performance(s, theme, display, new Rect(inner.x(), inner.y() + tableRows, inner.width(), 1), buffer);
        }
    }

    private static String[] headings(boolean wide, boolean latency) {
        List<String> h = new ArrayList<>(List.of("component", right("tokens", 9), right("ops", 5)));
        if (latency) {
            h.add(right("avg ms", 9));
        }
        if (wide) {
            h.add(right("err", 4));
        }
        h.add("");
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

    private static String right(String s, int width) {
        return Panels.right(s, width);
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
