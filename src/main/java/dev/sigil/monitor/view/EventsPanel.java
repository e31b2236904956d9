package dev.sigil.monitor.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.sigil.contract.event.Level;
import dev.sigil.monitor.state.EventRow;
import dev.sigil.monitor.state.MonitorState;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Constraint;
import dev.tamboui.layout.Rect;
import dev.tamboui.widgets.table.Cell;
import dev.tamboui.widgets.table.Row;
import dev.tamboui.widgets.table.Table;
import dev.tamboui.widgets.table.TableState;

/** The scrollable table of recent events (time, level, component, operation, tokens, message), filtered. */
final class EventsPanel {

    private EventsPanel() {
    }

    static void render(MonitorState state, Theme theme, Rect area, Buffer buffer, boolean compact) {
        List<EventRow> visible = state.visibleEvents();
        Rect inner = Panels.box(title(state, visible.size()), theme, area, buffer);
        if (inner.isEmpty()) {
            return;
        }
        int room = Math.max(0, inner.height() - 1);
        int end = Math.max(0, visible.size() - state.ui().scroll());
        int start = Math.max(0, end - room);
        List<Row> rows = new ArrayList<>();
        for (EventRow r : visible.subList(start, end)) {
            rows.add(compact ? compactRow(r, theme) : fullRow(r, theme));
        }
        Row header;
        List<Constraint> widths;
        if (compact) {
            header = Row.from("time", "component", "message");
            widths = List.of(Constraint.length(8), Constraint.length(9), Constraint.fill());
        } else {
            header = Row.from("time", "level", "component", "operation", Panels.right("tokens", 7), "message");
            int op = inner.width() >= 110 ? 20 : 14;
            widths = List.of(Constraint.length(8), Constraint.length(5), Constraint.length(10), Constraint.length(op),
                    Constraint.length(7), Constraint.fill());
        }
        Table.builder().header(header.style(theme.dim())).rows(rows).widths(widths).build().render(inner, buffer, new TableState());
        if (visible.isEmpty() && inner.height() > 1) {
            String why = state.shown().eventCount() == 0 ? "no event yet" : "no event matches the filter";
            Panels.line(inner, 1, buffer, Panels.text(why, theme.dim()));
        }
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

    private static Row fullRow(EventRow r, Theme theme) {
        return Row.from(
                Cell.from(Labels.clock(r.timestamp())),
                Cell.from(levelLabel(r.level())).style(theme.level(r.level())),
                Cell.from(Labels.safe(r.component())),
                Cell.from(Labels.safe(r.operation())),
                Cell.from(Panels.right(r.tokens() == 0 ? "" : Labels.tokens(r.tokens()), 7)),
                Cell.from(Labels.safe(message(r))));
    }

    private static Row compactRow(EventRow r, Theme theme) {
        return Row.from(
                Cell.from(Labels.clock(r.timestamp())),
                Cell.from(Labels.safe(r.component())).style(theme.level(r.level())),
                Cell.from(Labels.safe(message(r))));
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
