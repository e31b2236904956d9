package dev.sigil.monitor.view;

import java.util.List;

import dev.sigil.monitor.state.MonitorState;
import dev.tamboui.text.Span;

/** The keys of the spending views in the dashboard's key line, once there is something to see in them. */
final class SpendKeys {

    private SpendKeys() {
    }

    static void hint(MonitorState state, Theme theme, List<Span> spans) {
        if (state.shown().spending().hasModels()) {
            spans.add(Panels.text(" $", theme.key()));
            spans.add(Panels.text(" cost ", theme.dim()));
        }
        if (state.shown().spending().tree().hasIds()) {
            spans.add(Panels.text(" t", theme.key()));
            spans.add(Panels.text(" tree ", theme.dim()));
        }
    }
}
