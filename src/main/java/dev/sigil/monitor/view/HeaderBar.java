package dev.sigil.monitor.view;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.SessionStats;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import dev.tamboui.text.Span;

/** The top line: session, status, elapsed time, number of events; PAUSED when paused. */
final class HeaderBar {

    private HeaderBar() {
    }

    static void render(MonitorState state, Theme theme, Rect area, Buffer buffer, boolean compact) {
        SessionStats s = state.shown();
        String id = s.sessionId().isEmpty() ? "-" : Labels.safe(s.sessionId());
        List<Span> spans = new ArrayList<>();
        if (!compact) {
            spans.add(Panels.text(" SIGIL MONITOR ", theme.title()));
            spans.add(Panels.text(" session ", theme.dim()));
        } else {
            spans.add(Panels.raw(" "));
        }
        spans.add(Panels.text(id, theme.title()));
        spans.add(Panels.raw("  "));
        spans.add(Panels.text(s.status().name(), theme.status(s.status())));
        spans.add(Panels.raw("  "));
        spans.add(Panels.text(Labels.duration(s.elapsedSeconds(state.clock())), theme.plain()));
        if (!compact) {
            spans.add(Panels.text("  " + Labels.tokens(s.eventCount()) + " events", theme.dim()));
        }
        if (state.ui().paused()) {
            long newer = state.session().eventCount() - s.eventCount();
            spans.add(Panels.text("  PAUSED" + (newer > 0 ? " +" + Labels.tokens(newer) + " new" : ""), theme.highlight()));
        }
        Panels.line(area, 0, buffer, spans.toArray(Span[]::new));
    }
}
