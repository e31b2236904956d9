package dev.sigil.monitor.view;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.monitor.state.EventRow;
import dev.sigil.monitor.state.MonitorState;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import dev.tamboui.text.Line;
import dev.tamboui.text.Span;

/**
 * The newest errors (level error and above), newest last, with how many there were in all; an error with a record
 * shows its code and its suggestion (docs/errors.md).
 */
final class ErrorsPanel {

    private ErrorsPanel() {
    }

    /** Rows the panel wants (0 when there is no error), borders included, at most {@code max}. */
    static int height(MonitorState state, int max) {
        int n = state.visibleErrors().size();
        return n == 0 ? 0 : Math.min(max, n + 2);
    }

    static void render(MonitorState state, Theme theme, Rect area, Buffer buffer) {
        List<EventRow> errors = state.visibleErrors();
        long total = state.shown().errors().total();
        Rect inner = Panels.box("Errors " + Labels.tokens(total), theme, area, buffer);
        List<EventRow> shown = errors.subList(Math.max(0, errors.size() - inner.height()), errors.size());
        List<Line> lines = new ArrayList<>();
        for (EventRow r : shown) {
            String detail = r.error().isEmpty() || r.message().contains(r.error()) ? r.message() : r.message() + ": " + r.error();
            List<Span> spans = new ArrayList<>(List.of(
                    Span.styled(Labels.clock(r.timestamp()) + " ", theme.dim()),
                    Span.styled(EventsPanel.levelLabel(r.level()) + " ", theme.level(r.level())),
                    Span.styled(Labels.safe(r.component()) + ": ", theme.plain())));
            if (!r.errorCode().isEmpty()) {
                spans.add(Span.styled("[" + Labels.safe(r.errorCode()) + "] ", theme.level(r.level())));
            }
            spans.add(Span.styled(Labels.safe(detail), theme.error()));
            if (!r.suggestion().isEmpty()) {
                spans.add(Span.styled(" → " + Labels.safe(r.suggestion()), theme.dim()));
            }
            lines.add(Line.from(spans));
        }
        Panels.lines(inner, buffer, lines);
    }
}
