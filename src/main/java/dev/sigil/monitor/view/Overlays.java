package dev.sigil.monitor.view;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.monitor.format.PythonMonitorText;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Run;
import dev.sigil.monitor.state.SessionStats;
import dev.sigil.monitor.state.Status;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import dev.tamboui.text.Line;
import dev.tamboui.text.Span;
import dev.tamboui.widgets.Clear;

/** Boxes drawn over the dashboard: help, the final summary, the question before stopping a run. */
final class Overlays {

    static final String[][] HELP = {
        {"q", "quit (asks first while an attached run goes on)", "quit"},
        {"d", "detach: leave, the attached run goes on", "detach"},
        {"Ctrl-C", "quit at once (stops an attached run)", "quit now"},
        {"p", "pause the screen; p again resumes", "pause/resume"},
        {"↑ ↓  j k", "select an event (up is older)", "select"},
        {"PgUp PgDn", "half a screen", "page"},
        {"Home End", "oldest / newest event", "oldest/newest"},
        {"Enter", "the selected event's whole entry (Esc back)", "entry"},
        {"/", "filter events by text (Enter keeps, Esc cancels)", "filter text"},
        {"c", "show one component, then the next, then all", "component"},
        {"l", "minimum level: trace debug info warning error critical", "minimum level"},
        {"s", "pick another session (type to filter)", "pick a session"},
        {"$", "cost: per component and model, burn, dollar budget", "cost view"},
        {"t", "call tree: tokens and cost per unit (Enter, ← →)", "call tree"},
        {"H", "history: cost and tokens per day, top sessions and models", "history"},
        {"Esc", "close the summary", "close summary"},
        {"?", "this help (any key closes it)", "this help"}};

    private Overlays() {
    }

    static void help(MonitorState state, Theme theme, Rect area, Buffer buffer) {
        List<String[]> keys = new ArrayList<>();
        for (String[] k : HELP) {
            if (state.run() != Run.NONE || !k[0].equals("d")) {
                keys.add(k);
            }
        }
        Rect box = Panels.centered(area, 72, keys.size() + 2);
        Clear.INSTANCE.render(box, buffer);
        Rect inner = Panels.box("Keys", theme, box, buffer);
        boolean narrow = inner.width() < 68;
        List<Line> lines = new ArrayList<>();
        for (String[] k : keys) {
            lines.add(Line.from(Span.styled(Panels.right(k[0], 10) + "  ", theme.key()), Span.raw(narrow ? k[2] : k[1])));
        }
        Panels.lines(inner, buffer, lines);
    }

    /** The question {@code q} asks while the attached run goes on. */
    static void confirmQuit(Theme theme, Rect area, Buffer buffer) {
        String[][] choices = {{"q", "stop the run (its session ends as interrupted)"}, {"d", "detach: leave, the run goes on"},
            {"Esc", "keep watching"}};
        Rect box = Panels.centered(area, 60, choices.length + 4);
        Clear.INSTANCE.render(box, buffer);
        Rect inner = Panels.box("The run is still going", theme, box, buffer);
        List<Line> lines = new ArrayList<>();
        lines.add(Line.from(Span.raw("Leave the dashboard how?")));
        lines.add(Line.from(Span.raw("")));
        for (String[] c : choices) {
            lines.add(Line.from(Span.styled(Panels.right(c[0], 4) + "  ", theme.key()), Span.raw(c[1])));
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
        // between the header and the status bar, which stay readable under it
        Rect room = new Rect(area.x(), area.y() + 1, area.width(), Math.max(3, area.height() - 3));
        if (lines.size() + 2 > room.height()) {
            lines.removeIf(l -> l.rawContent().isEmpty()); // a small window keeps the figures, not the spacing
        }
        int fits = room.height() - 2;
        if (lines.size() > fits) {
            int hidden = lines.size() - (fits - 1);
            lines = new ArrayList<>(lines.subList(0, fits - 1));
            lines.add(Line.from(Span.styled("… " + hidden + " more lines"
                    + (state.run() == Run.ENDED ? ", printed on leaving" : ""), theme.dim())));
        }
        Rect box = Panels.centered(room, state.run() == Run.ENDED ? 76 : 62, lines.size() + 2);
        Clear.INSTANCE.render(box, buffer);
        String how = state.run() == Run.ENDED ? " · Enter or q leaves, Esc shows the dashboard" : " (Esc closes)";
        String title = (s.status() == Status.ERROR ? "Session ended with an error" : "Execution complete") + how;
        Rect inner = Panels.box(title, theme, box, buffer);
        Panels.lines(inner, buffer, lines);
    }
}
