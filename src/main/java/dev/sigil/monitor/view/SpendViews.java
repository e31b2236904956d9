package dev.sigil.monitor.view;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Views;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import dev.tamboui.text.Span;

/**
 * The spending views in place of the dashboard's panels (docs/monitor.md): the cost view ({@code $}) and the call
 * tree ({@code t}), between the dashboard's header and status lines, with their own key line.
 */
final class SpendViews {

    private static final String[][] COST_KEYS = {{"$", "dashboard"}, {"t", "tree"}, {"Esc", "back"}, {"q", "quit"}, {"?", "help"}};
    private static final String[][] TREE_KEYS = {{"↑↓", "move"}, {"Enter", "open/close"}, {"←→", "close/open"}, {"$", "cost"},
        {"Esc", "back"}, {"q", "quit"}};

    private static final String[][] HISTORY_KEYS = {{"H", "dashboard"}, {"$", "cost"}, {"Esc", "back"}, {"q", "quit"}};

    private SpendViews() {
    }

    /** Draws the open spending view over {@code area}; false (nothing drawn) when the dashboard's panels are shown. */
    static boolean render(MonitorState state, Theme theme, Rect area, Buffer buffer) {
        Views.View view = state.views().view();
        if (view == Views.View.DASHBOARD) {
            return false;
        }
        boolean compact = area.width() < DashboardView.FULL_MIN_WIDTH || area.height() < DashboardView.FULL_MIN_HEIGHT;
        HeaderBar.render(state, theme, new Rect(area.x(), area.y(), area.width(), 1), buffer, compact);
        Rect body = new Rect(area.x(), area.y() + 1, area.width(), Math.max(0, area.height() - 3));
        if (view == Views.View.COST) {
            CostView.render(state, theme, body, buffer);
        } else if (view == Views.View.HISTORY) {
            HistoryView.render(state.views().history(), theme, body, buffer);
        } else {
            TreeView.render(state, theme, body, buffer);
        }
        StatusBar.render(state, theme, new Rect(area.x(), area.y() + area.height() - 2, area.width(), 1), buffer, compact);
        keys(view == Views.View.COST ? COST_KEYS : view == Views.View.HISTORY ? HISTORY_KEYS : TREE_KEYS, theme, new Rect(area.x(), area.y() + area.height() - 1, area.width(), 1),
                buffer);
        return true;
    }

    private static void keys(String[][] keys, Theme theme, Rect area, Buffer buffer) {
        List<Span> spans = new ArrayList<>();
        for (String[] k : keys) {
            spans.add(Panels.text(" " + k[0], theme.key()));
            spans.add(Panels.text(" " + k[1] + " ", theme.dim()));
        }
        Panels.line(area, 0, buffer, spans.toArray(Span[]::new));
    }
}
