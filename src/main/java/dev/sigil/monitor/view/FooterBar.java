package dev.sigil.monitor.view;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.monitor.state.Mode;
import dev.sigil.monitor.state.MonitorState;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import dev.tamboui.text.Span;

/** The keys, or the filter being typed. */
final class FooterBar {

    private static final String[][] KEYS = {{"q", "quit"}, {"p", "pause"}, {"↑↓", "scroll"}, {"/", "filter"},
        {"c", "component"}, {"l", "level"}, {"s", "session"}, {"?", "help"}};
    private static final String[][] COMPACT_KEYS = {{"q", "quit"}, {"p", "pause"}, {"/", "filter"}, {"?", "help"}};

    private FooterBar() {
    }

    static void render(MonitorState state, Theme theme, Rect area, Buffer buffer, boolean compact) {
        List<Span> spans = new ArrayList<>();
        if (state.ui().mode() == Mode.FILTER) {
            spans.add(Panels.text(" filter: ", theme.key()));
            spans.add(Panels.raw(Labels.safe(state.ui().draft())));
            spans.add(Panels.text("█", theme.plain()));
            spans.add(Panels.text("  Enter keep  Esc cancel", theme.dim()));
        } else {
            for (String[] k : compact ? COMPACT_KEYS : KEYS) {
                spans.add(Panels.text(" " + k[0], theme.key()));
                spans.add(Panels.text(" " + k[1] + " ", theme.dim()));
            }
            if (!compact && area.width() >= 100) {
                SpendKeys.hint(state, theme, spans);
            }
        }
        Panels.line(area, 0, buffer, spans.toArray(Span[]::new));
    }
}
