package dev.sigil.monitor.view;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.event.LogEvent;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.ReaderStatus;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import dev.tamboui.text.Span;

/**
 * The tailer's report: lines skipped (malformed, too long), lines with invalid UTF-8, lines no format recognised, the
 * format read (when not sigil's own), the latest notice, the file.
 * The counts are written short when the line is narrow; the file's path is cut from its start, so that its end (the
 * session's directory and the file) stays.
 */
final class StatusBar {

    /** The path is given at least this many columns before the counts are written short. */
    private static final int PATH_ROOM = 24;

    private StatusBar() {
    }

    static void render(MonitorState state, Theme theme, Rect area, Buffer buffer, boolean compact) {
        ReaderStatus r = state.reader();
        List<Span> tail = new ArrayList<>();
        if (state.backlog().pending()) {
            tail.add(Panels.text("  " + backlogText(state.backlog(), compact), theme.notice()));
        }
        if (!compact && !r.format().isEmpty() && !r.format().equals(LogEvent.SIGIL_FORMAT)) {
            tail.add(Panels.text("  format " + Labels.safe(r.format()), theme.dim()));
        }
        if (state.shown().restatements() > 0 && !compact) {
            tail.add(Panels.text("  restated total counted once", theme.dim()));
        }
        if (!r.notice().isEmpty()) {
            tail.add(Panels.text("  " + Labels.safe(r.notice()), theme.notice()));
        }
        List<Span> counts = counts(r, theme, compact);
        if (!compact && width(counts) + width(tail) + 2 + PATH_ROOM > area.width()) {
            counts = counts(r, theme, true);
        }
        List<Span> spans = new ArrayList<>(counts);
        spans.addAll(tail);
        int room = area.width() - width(spans) - 2;
        if (room >= 8) {
            spans.add(Panels.text("  " + where(r, room), theme.dim()));
        }
        Panels.line(area, 0, buffer, spans.toArray(Span[]::new));
    }

    /** How far the backlog's fold has come, and that the totals are those of the lines folded so far (ADR 0165). */
    static String backlogText(dev.sigil.monitor.state.Backlog b, boolean compact) {
        return compact ? "backlog " + b.percent() + " %" : "reading backlog " + b.percent() + " % · totals so far";
    }

    /**
     * The file followed in {@code room} columns, cut from its start; "(read to its end)" after it gives way before
     * the session's directory does.
     */
    static String where(ReaderStatus r, int room) {
        String prefix = r.found() ? "" : "waiting for ";
        String source = Labels.safe(r.source());
        String suffix = r.endOfInput() ? " (read to its end)" : "";
        String whole = prefix + source + suffix;
        if (dev.tamboui.text.CharWidth.of(whole) <= room) {
            return whole;
        }
        String withSuffix = Columns.pathTail(prefix + source, room - dev.tamboui.text.CharWidth.of(suffix)) + suffix;
        java.nio.file.Path p = java.nio.file.Path.of(source.isEmpty() ? "." : source);
        String lastTwo = p.getParent() == null ? source : p.getParent().getFileName() + "/" + p.getFileName();
        return suffix.isEmpty() || withSuffix.contains(lastTwo) ? withSuffix : Columns.pathTail(prefix + source, room);
    }

    private static List<Span> counts(ReaderStatus r, Theme theme, boolean brief) {
        List<Span> spans = new ArrayList<>();
        if (brief) {
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
            spans.add(Panels.text(brief ? " unrec " : " · unrecognised ", theme.dim()));
            spans.add(problemCount(r.unrecognised(), theme));
        }
        return spans;
    }

    private static int width(List<Span> spans) {
        return spans.stream().mapToInt(Span::width).sum();
    }

    private static Span problemCount(long n, Theme theme) {
        return Panels.text(Labels.tokens(n), n == 0 ? theme.plain() : theme.notice());
    }
}
