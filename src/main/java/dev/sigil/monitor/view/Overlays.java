package dev.sigil.monitor.view;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.monitor.format.PythonMonitorText;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.SessionChoice;
import dev.sigil.monitor.state.SessionStats;
import dev.sigil.monitor.state.Status;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import dev.tamboui.text.Line;
import dev.tamboui.text.Span;
import dev.tamboui.widgets.Clear;

/** Boxes drawn over the dashboard: help, the session picker, the final summary. */
final class Overlays {

    static final String[][] HELP = {
        {"q  Ctrl-C", "quit (the terminal is restored)", "quit"},
        {"p", "pause the screen (reading goes on)", "pause"},
        {"↑ ↓  j k", "scroll the events one line", "scroll"},
        {"PgUp PgDn", "scroll half a screen", "scroll a page"},
        {"Home End", "oldest / newest event", "oldest/newest"},
        {"/", "filter events by text (Enter keeps, Esc cancels)", "filter text"},
        {"c", "show one component, then the next, then all", "component"},
        {"l", "minimum level: trace debug info warning error critical", "minimum level"},
        {"s", "pick another session", "pick a session"},
        {"$", "cost: per component and model, burn, dollar budget", "cost view"},
        {"t", "call tree: tokens and cost per unit (Enter, ← →)", "call tree"},
        {"Enter Esc", "close the summary", "close summary"},
        {"?", "this help (any key closes it)", "this help"}};

    private Overlays() {
    }

    static void help(Theme theme, Rect area, Buffer buffer) {
        Rect box = Panels.centered(area, 70, HELP.length + 2);
        Clear.INSTANCE.render(box, buffer);
        Rect inner = Panels.box("Keys", theme, box, buffer);
        boolean narrow = inner.width() < 66;
        List<Line> lines = new ArrayList<>();
        for (String[] k : HELP) {
            lines.add(Line.from(Span.styled(Panels.right(k[0], 10) + "  ", theme.key()), Span.raw(narrow ? k[2] : k[1])));
        }
        Panels.lines(inner, buffer, lines);
    }

    static void picker(MonitorState state, Theme theme, Rect area, Buffer buffer) {
        List<SessionChoice> sessions = state.ui().sessions();
        Rect box = Panels.centered(area, 60, Math.max(3, Math.min(sessions.size(), 15) + 2));
        Clear.INSTANCE.render(box, buffer);
        Rect inner = Panels.box("Sessions (Enter follows, Esc closes)", theme, box, buffer);
        if (sessions.isEmpty()) {
            Panels.line(inner, 0, buffer, Span.styled("no session found", theme.dim()));
            return;
        }
        int selected = Math.min(state.ui().pickerIndex(), sessions.size() - 1);
        int first = Math.max(0, Math.min(selected - inner.height() / 2, sessions.size() - inner.height()));
        List<Line> lines = new ArrayList<>();
        int offset = state.clock() == null ? 0 : state.clock().utcOffsetSeconds();
        for (int i = first; i < sessions.size() && lines.size() < inner.height(); i++) {
            SessionChoice c = sessions.get(i);
            String when = LocalDateTime.ofEpochSecond(Math.floorDiv(c.modifiedMillis(), 1000L), 0,
                    ZoneOffset.ofTotalSeconds(offset)).toString().replace('T', ' ');
            String text = (i == selected ? "> " : "  ") + Labels.safe(c.id()) + "  " + when + "  " + Labels.tokens(c.sizeBytes()) + " B";
            lines.add(Line.from(Span.styled(text, i == selected ? theme.highlight() : theme.plain())));
        }
        Panels.lines(inner, buffer, lines);
    }

    static void summary(MonitorState state, Theme theme, Rect area, Buffer buffer) {
        SessionStats s = state.shown();
        String text = PythonMonitorText.forTerminal().finalSummary(s.sessionId(), s, s.elapsedSeconds(state.clock()));
        List<Line> lines = new ArrayList<>();
        for (String l : text.split("\n", -1)) {
            if (!l.startsWith("=") && !l.contains("EXECUTION COMPLETE")) {
                lines.add(Line.from(Span.raw(l)));
            }
        }
        while (!lines.isEmpty() && lines.get(0).rawContent().isEmpty()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).rawContent().isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.size() + 2 > area.height()) {
            lines.removeIf(l -> l.rawContent().isEmpty()); // a small window keeps the figures, not the spacing
        }
        Rect box = Panels.centered(area, 62, lines.size() + 2);
        Clear.INSTANCE.render(box, buffer);
        String title = s.status() == Status.ERROR ? "Session ended with an error (Esc closes)" : "Execution complete (Esc closes)";
        Rect inner = Panels.box(title, theme, box, buffer);
        Panels.lines(inner, buffer, lines);
    }
}
