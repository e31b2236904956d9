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

    /** The fewest characters of an error's message kept beside its suggestion. */
    private static final int MIN_MESSAGE = 16;

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
            String head = Labels.clock(r.timestamp()) + " ";
            String level = EventsPanel.levelLabel(r.level()) + " ";
            String component = Labels.safe(r.component()) + ": ";
            String code = r.errorCode().isEmpty() ? "" : "[" + Labels.safe(r.errorCode()) + "] ";
            String suggestion = r.suggestion().isEmpty() ? "" : " → " + Labels.safe(r.suggestion());
            // The suggestion says what to do: the message gives way to it when the row is too narrow for both.
            int room = inner.width() - head.length() - level.length() - component.length() - code.length() - suggestion.length();
            String text = Labels.safe(detail);
            if (!suggestion.isEmpty() && room >= MIN_MESSAGE && text.length() > room) {
                text = EventRow.cut(text, room);
            }
            List<Span> spans = new ArrayList<>(List.of(Span.styled(head, theme.dim()), Span.styled(level, theme.level(r.level())),
                    Span.styled(component, theme.plain())));
            if (!code.isEmpty()) {
                spans.add(Span.styled(code, theme.level(r.level())));
            }
            spans.add(Span.styled(text, theme.error()));
            if (!suggestion.isEmpty()) {
                spans.add(Span.styled(suggestion, theme.dim()));
            }
            lines.add(Line.from(spans));
        }
        Panels.lines(inner, buffer, lines);
    }
}
