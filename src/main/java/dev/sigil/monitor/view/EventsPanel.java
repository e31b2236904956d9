package dev.sigil.monitor.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.sigil.contract.event.Level;
import dev.sigil.monitor.state.EventFilter;
import dev.sigil.monitor.state.EventRow;
import dev.sigil.monitor.state.MonitorState;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import dev.tamboui.style.Style;
import dev.tamboui.text.Line;
import dev.tamboui.text.Span;
import dev.tamboui.widgets.table.Cell;
import dev.tamboui.widgets.table.Row;
import dev.tamboui.widgets.table.Table;
import dev.tamboui.widgets.table.TableState;

/**
 * The table of recent events (time, level, component, operation, tokens, message), filtered, with the selected one
 * highlighted (Enter opens its entry). Columns are as wide as their content where the screen allows ({@link Columns}).
 * The selection moves within the newest page, then the page follows it; rows never go blank while there are more.
 */
final class EventsPanel {

    /** Marks the selected row in its gutter, so that it shows without colour or reverse video too. */
    private static final String MARK = "›";
    private static final String[] FULL = {"time", "level", "component", "operation", "tokens", "message"};
    private static final int[] FULL_MIN = {8, 4, 6, 8, 6, 12};
    private static final String[] COMPACT = {"time", "component", "message"};
    private static final int[] COMPACT_MIN = {8, 6, 8};

    private EventsPanel() {
    }

    static void render(MonitorState state, Theme theme, Rect area, Buffer buffer, boolean compact) {
        List<EventRow> visible = state.visibleEvents();
        Rect inner = Panels.box(title(state, visible.size()), theme, area, buffer);
        if (inner.isEmpty()) {
            return;
        }
        if (visible.isEmpty()) {
            empty(state, theme, inner, buffer);
            return;
        }
        String[] headers = compact ? COMPACT : FULL;
        Columns columns = new Columns();
        for (int i = 0; i < headers.length; i++) {
            columns.add(headers[i], (compact ? COMPACT_MIN : FULL_MIN)[i]);
        }
        for (EventRow r : visible) {
            String[] cells = cells(r, compact);
            for (int i = 0; i < cells.length; i++) {
                columns.measure(i, cells[i]);
            }
        }
        int[] widths = columns.fit(inner.width() - MARK.length());
        int room = Math.max(1, inner.height() - 1);
        int size = visible.size();
        int selected = Math.max(0, size - 1 - state.ui().scroll());
        int start = state.ui().scroll() < room ? Math.max(0, size - room) : selected;
        List<Row> rows = new ArrayList<>();
        for (int i = start; i < Math.min(size, start + room); i++) {
            EventRow r = visible.get(i);
            rows.add(row(r, cells(r, compact), widths, theme));
        }
        Row header = Row.from(headerCells(headers, widths)).style(theme.dim());
        TableState table = new TableState();
        table.select(selected - start);
        Table.builder().header(header).rows(rows).widths(Columns.constraints(widths)).columnSpacing(columns.spacing(inner.width() - MARK.length()))
                .highlightStyle(theme.highlight()).highlightSymbol(MARK).build().render(inner, buffer, table);
    }

    /** Why there is nothing to show, in full at any width: the file waited for, the filter, or nothing read yet. */
    private static void empty(MonitorState state, Theme theme, Rect inner, Buffer buffer) {
        String why;
        if (!state.reader().found()) {
            why = "Waiting for " + Labels.safe(state.reader().source()) + " (not there yet).";
        } else if (state.shown().eventCount() == 0) {
            why = "no event yet";
        } else if (!EventFilter.isKnownComponent(state.ui().component())) {
            String note = Labels.safe(EventFilter.unknownComponentNote(state.ui().component()));
            why = "no event matches: " + note + (note.endsWith("?") ? " " : ". ") + "c shows the components seen, one by one.";
        } else {
            why = "no event matches the filter";
        }
        List<Line> lines = new ArrayList<>();
        for (String l : Wrap.lines(why, inner.width())) {
            lines.add(Line.from(Span.styled(l, theme.dim())));
        }
        Panels.lines(inner, buffer, lines);
    }

    private static String title(MonitorState state, int visible) {
        StringBuilder t = new StringBuilder("Events ").append(Labels.tokens(visible));
        t.append(" · ").append(state.ui().minLevel().wireName()).append('+');
        if (!state.ui().component().isEmpty()) {
            t.append(" · ").append(Labels.safe(state.ui().component()));
        }
        if (!state.ui().effectiveFilter().isEmpty()) {
            t.append(" · \"").append(Labels.safe(state.ui().effectiveFilter())).append('"');
        }
        if (state.ui().scroll() > 0) {
            t.append(" · ").append(state.ui().scroll()).append(" newer below");
        }
        return t.toString();
    }

    private static String[] cells(EventRow r, boolean compact) {
        String time = Labels.clock(r.timestamp());
        String message = Labels.safe(message(r));
        if (compact) {
            return new String[] {time, Labels.safe(r.component()), message};
        }
        return new String[] {time, levelLabel(r.level()), Labels.safe(r.component()), Labels.safe(r.operation()),
            r.tokens() == 0 ? "" : Labels.tokens(r.tokens()), message};
    }

    private static String[] headerCells(String[] headers, int[] widths) {
        String[] out = new String[headers.length];
        for (int i = 0; i < headers.length; i++) {
            out[i] = headers[i].equals("tokens") ? Panels.right(Columns.cut(headers[i], widths[i]), widths[i]) : Columns.cut(headers[i], widths[i]);
        }
        return out;
    }

    private static Row row(EventRow r, String[] cells, int[] widths, Theme theme) {
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            String text = Columns.cut(cells[i], widths[i]);
            boolean numbers = cells.length == FULL.length && i == 4;
            Cell cell = Cell.from(numbers ? Panels.right(text, widths[i]) : text);
            // the level's colour: on the level in the full table, on the component in the compact one (both column 1)
            Style style = i == 1 ? theme.level(r.level()) : theme.plain();
            out.add(cell.style(style));
        }
        return Row.from(out);
    }

    private static String message(EventRow r) {
        return r.error().isEmpty() || r.message().contains(r.error()) ? r.message() : r.message() + ": " + r.error();
    }

    static String levelLabel(Level l) {
        return switch (l) {
            case WARNING -> "WARN";
            case CRITICAL -> "CRIT";
            default -> l.name().toUpperCase(Locale.ROOT);
        };
    }
}
