package dev.sigil.monitor.view;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.SessionStats;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import dev.tamboui.text.Span;

/**
 * The top line: session, status, elapsed time, number of events; PAUSED when paused. When the line is wider than
 * the screen, the title goes first, then the word "session", the count of events, the elapsed time and the word
 * "new" after the paused count: the session id, its status and PAUSED stay.
 */
final class HeaderBar {

    /** How much is left out: 0 nothing, 1 the title, 2 "session", 3 the events, 4 the time, 5 "new". */
    private static final int MOST_LEFT_OUT = 5;

    /** The compact layout's header leaves out the title, "session" and the events. */
    private static final int COMPACT = 3;

    private HeaderBar() {
    }

    static void render(MonitorState state, Theme theme, Rect area, Buffer buffer, boolean compact) {
        List<Span> spans = spans(state, theme, compact ? COMPACT : 0);
        for (int leftOut = compact ? COMPACT + 1 : 1; leftOut <= MOST_LEFT_OUT && width(spans) > area.width(); leftOut++) {
            spans = spans(state, theme, leftOut);
        }
        Panels.line(area, 0, buffer, spans.toArray(Span[]::new));
    }

    private static List<Span> spans(MonitorState state, Theme theme, int leftOut) {
        SessionStats s = state.shown();
        String id = s.sessionId().isEmpty() ? "-" : Labels.safe(s.sessionId());
        List<Span> spans = new ArrayList<>();
        if (leftOut < 1) {
            spans.add(Panels.text(" SIGIL MONITOR ", theme.title()));
        }
        spans.add(leftOut < 2 ? Panels.text(" session ", theme.dim()) : Panels.raw(" "));
        spans.add(Panels.text(id, theme.title()));
        spans.add(Panels.raw("  "));
        spans.add(Panels.text(s.status().name(), theme.status(s.status())));
        if (leftOut < 4) {
            spans.add(Panels.raw("  "));
            spans.add(Panels.text(Labels.duration(s.elapsedSeconds(state.clock())), theme.plain()));
        }
        if (leftOut < 3) {
            spans.add(Panels.text("  " + Labels.tokens(s.eventCount()) + " events", theme.dim()));
        }
        if (state.ui().paused()) {
            long newer = state.session().eventCount() - s.eventCount();
            String count = newer > 0 ? " +" + Labels.tokens(newer) + (leftOut < 5 ? " new" : "") : "";
            spans.add(Panels.text("  PAUSED" + count, theme.highlight()));
        }
        return spans;
    }

    private static int width(List<Span> spans) {
        return spans.stream().mapToInt(Span::width).sum();
    }
}
