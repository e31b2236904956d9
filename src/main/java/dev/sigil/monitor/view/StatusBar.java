package dev.sigil.monitor.view;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.event.LogEvent;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.ReaderStatus;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import dev.tamboui.text.Span;

/** The tailer's report: lines skipped (malformed, too long), lines with invalid UTF-8, the latest notice, the file. */
final class StatusBar {

    private StatusBar() {
    }

    static void render(MonitorState state, Theme theme, Rect area, Buffer buffer, boolean compact) {
        ReaderStatus r = state.reader();
        List<Span> spans = new ArrayList<>();
        if (compact) {
            spans.add(Panels.text(" skipped ", theme.dim()));
            spans.add(problemCount(r.malformed() + r.tooLong(), theme));
            spans.add(Panels.text(" utf8 ", theme.dim()));
            spans.add(problemCount(r.invalidUtf8(), theme));
        } else {
            spans.add(Panels.text(" malformed ", theme.dim()));
            spans.add(problemCount(r.malformed(), theme));
            spans.add(Panels.text(" · too long ", theme.dim()));
            spans.add(problemCount(r.tooLong(), theme));
            spans.add(Panels.text(" · invalid UTF-8 ", theme.dim()));
            spans.add(problemCount(r.invalidUtf8(), theme));
        }
        if (r.unrecognised() > 0) {
            spans.add(Panels.text(compact ? " unrec " : " · unrecognised ", theme.dim()));
            spans.add(problemCount(r.unrecognised(), theme));
        }
        if (!compact && !r.format().isEmpty() && !r.format().equals(LogEvent.SIGIL_FORMAT)) {
            spans.add(Panels.text("  format " + Labels.safe(r.format()), theme.dim()));
        }
        if (state.shown().restatements() > 0) {
            spans.add(Panels.text("  restated total counted once", theme.dim()));
        }
        if (!r.notice().isEmpty()) {
            spans.add(Panels.text("  " + Labels.safe(r.notice()), theme.notice()));
        }
        if (!compact) {
            String where = (r.found() ? "" : "waiting for ") + Labels.safe(r.source()) + (r.endOfInput() ? " (read to its end)" : "");
            spans.add(Panels.text("  " + where, theme.dim()));
        }
        Panels.line(area, 0, buffer, spans.toArray(Span[]::new));
    }

    private static Span problemCount(long n, Theme theme) {
        return Panels.text(Labels.tokens(n), n == 0 ? theme.plain() : theme.notice());
    }
}
