package dev.sigil.monitor.view;

import java.util.List;

import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.SessionStats;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Constraint;
import dev.tamboui.layout.Layout;
import dev.tamboui.layout.Rect;

/**
 * The dashboard as a function of the state: {@code render(state, area, buffer)} draws everything and keeps nothing.
 * From 60x20 up the full layout (header, components and budget side by side, events, errors, status, keys); below
 * that a compact one (header, gauge, totals, events, status, keys).
 */
public final class DashboardView {

    /** Below this size the compact layout is used. */
    static final int FULL_MIN_WIDTH = 60;
    static final int FULL_MIN_HEIGHT = 20;

    private final Theme theme;
    private final Display display;

    public DashboardView(Theme theme) {
        this(theme, Display.DEFAULTS);
    }

    public DashboardView(Theme theme, Display display) {
        this.theme = theme;
        this.display = display;
    }

    public void render(MonitorState state, Rect area, Buffer buffer) {
        if (area.width() < 10 || area.height() < 5) {
            Panels.line(area, 0, buffer, Panels.text("sigil: window too small", theme.plain()));
            return;
        }
        if (SpendViews.render(state, theme, area, buffer)) {
            // the cost view or the call tree is open in place of the panels
        } else if (area.width() >= FULL_MIN_WIDTH && area.height() >= FULL_MIN_HEIGHT) {
            full(state, area, buffer);
        } else {
            compact(state, area, buffer);
        }
        switch (state.ui().mode()) {
            case HELP -> Overlays.help(state, theme, area, buffer);
            case PICKER -> PickerOverlay.render(state, theme, area, buffer);
            case DETAIL -> EntryOverlay.render(state, theme, area, buffer);
            case CONFIRM_QUIT -> Overlays.confirmQuit(theme, area, buffer);
            case NORMAL, FILTER -> {
                if (state.showSummary()) {
                    Overlays.summary(state, theme, area, buffer);
                }
            }
        }
    }

    private void full(MonitorState state, Rect area, Buffer buffer) {
        SessionStats s = state.shown();
        int top = area.height() >= 36 ? 12 : 9;
        int errors = ErrorsPanel.height(state, area.height() >= 36 ? 7 : 4);
        List<Rect> rows = Layout.vertical().constraints(Constraint.length(1), Constraint.length(top), Constraint.fill(),
                Constraint.length(errors), Constraint.length(1), Constraint.length(1)).split(area);
        HeaderBar.render(state, theme, rows.get(0), buffer, false);
        if (display.componentBreakdown()) {
            List<Rect> sides = Layout.horizontal().constraints(Constraint.percentage(55), Constraint.fill()).split(rows.get(1));
            ComponentsPanel.render(s, theme, display, sides.get(0), buffer);
            BudgetPanel.render(s, state.clock(), theme, display, sides.get(1), buffer);
        } else {
            BudgetPanel.render(s, state.clock(), theme, display, rows.get(1), buffer);
        }
        EventsPanel.render(state, theme, rows.get(2), buffer, false);
        if (errors > 0) {
            ErrorsPanel.render(state, theme, rows.get(3), buffer);
        }
        StatusBar.render(state, theme, rows.get(4), buffer, false);
        FooterBar.render(state, theme, rows.get(5), buffer, false);
    }

    private void compact(MonitorState state, Rect area, Buffer buffer) {
        SessionStats s = state.shown();
        int gauge = display.budgetBar() ? 1 : 0;
        List<Rect> rows = Layout.vertical().constraints(Constraint.length(1), Constraint.length(gauge), Constraint.length(1),
                Constraint.length(1), Constraint.fill(), Constraint.length(1), Constraint.length(1)).split(area);
        HeaderBar.render(state, theme, rows.get(0), buffer, true);
        if (display.budgetBar()) {
            BudgetPanel.gauge(s, theme, rows.get(1), buffer);
        }
        Panels.line(rows.get(2), 0, buffer, Panels.raw(" " + Labels.tokens(s.tokensUsed())),
                Panels.text(" / ", theme.dim()), Panels.raw(Labels.tokens(s.budget())),
                Panels.text("  left ", theme.dim()), Panels.raw(Labels.tokens(s.tokensRemaining())));
        Panels.line(rows.get(3), 0, buffer, BudgetPanel.burn(s, state.clock(), theme, display, " "));
        EventsPanel.render(state, theme, rows.get(4), buffer, true);
        StatusBar.render(state, theme, rows.get(5), buffer, true);
        FooterBar.render(state, theme, rows.get(6), buffer, true);
    }
}
