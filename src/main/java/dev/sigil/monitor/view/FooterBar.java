package dev.sigil.monitor.view;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Run;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import dev.tamboui.text.CharWidth;
import dev.tamboui.text.Span;

/**
 * The keys that work now, or the filter being typed: what the bottom line says depends on what is open (the entry,
 * the picker, the question before stopping a run) and on the state (paused: {@code p resume}; an attached run:
 * {@code d detach}, and once it ended, how to leave). Keys that do not fit are left out, the least needed first.
 */
final class FooterBar {

    private FooterBar() {
    }

    static void render(MonitorState state, Theme theme, Rect area, Buffer buffer, boolean compact) {
        List<Span> spans = new ArrayList<>();
        switch (state.ui().mode()) {
            case FILTER -> {
                spans.add(Panels.text(" filter: ", theme.key()));
                spans.add(Panels.raw(Labels.safe(state.ui().draft())));
                spans.add(Panels.text("█", theme.plain()));
                spans.add(Panels.text("  Enter keep  Esc cancel", theme.dim()));
            }
            case CONFIRM_QUIT -> {
                spans.add(Panels.text(" the run is still going: ", theme.notice()));
                keys(spans, theme, area.width(), new String[][] {{"q", "stop it"}, {"d", "detach (it goes on)"}, {"Esc", "keep watching"}});
            }
            case DETAIL -> keys(spans, theme, area.width(), new String[][] {{"Esc", "back"}, {"↑↓", "scroll"}, {"PgUp PgDn", "page"},
                {"Home End", "top/end"}, {"q", "quit"}});
            case PICKER -> {
                spans.add(Panels.text(" type to filter ", theme.dim()));
                keys(spans, theme, area.width(), new String[][] {{"↑↓", "choose"}, {"Enter", "follow"}, {"Esc", "close"}});
            }
            case HELP -> spans.add(Panels.text(" any key closes the help", theme.dim()));
            case NORMAL -> normal(state, theme, area.width(), compact, spans);
        }
        Panels.line(area, 0, buffer, spans.toArray(Span[]::new));
    }

    private static void normal(MonitorState state, Theme theme, int width, boolean compact, List<Span> spans) {
        // {key, label, priority}: the lower the priority, the later a key is left out when the line is too narrow
        List<String[]> keys = new ArrayList<>();
        if (state.run() == Run.ENDED) {
            spans.add(Panels.text(" run finished:", theme.notice()));
            keys.add(new String[] {"q", "or Esc leaves", "9"});
        } else {
            keys.add(new String[] {"q", "quit", "9"});
        }
        if (state.run() == Run.RUNNING) {
            keys.add(new String[] {"d", "detach", "8"});
        }
        keys.add(new String[] {"p", state.ui().paused() ? "resume" : "pause", "8"});
        if (!compact) {
            keys.add(new String[] {"↑↓", "select", "1"});
            keys.add(new String[] {"Enter", "entry", "6"});
        }
        keys.add(new String[] {"/", "filter", "5"});
        if (!compact) {
            keys.add(new String[] {"c", "component", "3"});
            keys.add(new String[] {"l", "level", "3"});
            keys.add(new String[] {"s", "session", "4"});
            keys.addAll(SpendKeys.keys(state));
        }
        keys.add(new String[] {"?", "help", "9"});
        keys(spans, theme, width, keys.toArray(String[][]::new));
    }

    /**
     * The keys, in their order, as many as fit: those of lower priority (the third element, if any; else all alike)
     * are left out first.
     */
    private static void keys(List<Span> spans, Theme theme, int width, String[][] keys) {
        int used = spans.stream().mapToInt(Span::width).sum();
        boolean[] shown = new boolean[keys.length];
        for (int priority = 9; priority >= 0; priority--) {
            for (int i = 0; i < keys.length; i++) {
                int p = keys[i].length > 2 ? Integer.parseInt(keys[i][2]) : 9;
                if (p == priority && used + itemWidth(keys[i]) <= width) {
                    shown[i] = true;
                    used += itemWidth(keys[i]);
                }
            }
        }
        for (int i = 0; i < keys.length; i++) {
            if (shown[i]) {
                spans.add(Panels.text(" " + keys[i][0], theme.key()));
                spans.add(Panels.text(" " + keys[i][1] + " ", theme.dim()));
            }
        }
    }

    private static int itemWidth(String[] key) {
        return CharWidth.of(" " + key[0] + " " + key[1] + " ");
    }
}
