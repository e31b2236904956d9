package dev.sigil.monitor.view;

import dev.sigil.monitor.state.TokenHistory;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;

/**
 * Tokens over the session's time as bars several rows high (TamboUI's Sparkline draws one row): the whole session
 * squeezed into the width, neighbouring buckets added up, the newest on the right, with the span in the last row.
 */
final class Sparkbars {

    private static final String[] LEVELS = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};

    private Sparkbars() {
    }

    static void render(TokenHistory history, Theme theme, Rect area, Buffer buffer) {
        if (area.height() < 2 || area.width() < 1) {
            return;
        }
        long[] values = history.values();
        int group = Math.max(1, (values.length + area.width() - 1) / area.width());
        long[] columns = new long[(values.length + group - 1) / group];
        long max = 1;
        for (int i = 0; i < values.length; i++) {
            columns[i / group] += values[i];
        }
        for (long c : columns) {
            max = Math.max(max, c);
        }
        int rows = area.height() - 1;
        for (int x = 0; x < columns.length && x < area.width(); x++) {
            long eighths = columns[x] == 0 ? 0 : Math.max(1, Math.round((double) columns[x] / max * rows * 8));
            for (int r = 0; r < rows; r++) {
                long level = Math.max(0, Math.min(8, eighths - (long) r * 8));
                buffer.setString(area.x() + x, area.y() + rows - 1 - r, LEVELS[(int) level], theme.bar());
            }
        }
        String caption = history.isEmpty() ? "tokens over time: nothing yet"
                : "tokens per " + Labels.duration(history.bucketSeconds() * group).replace(".0s", "s") + ", max "
                        + Labels.tokens(max == 1 && columns.length == 0 ? 0 : max);
        Panels.line(new Rect(area.x(), area.y() + rows, area.width(), 1), 0, buffer, Panels.text(caption, theme.dim()));
    }
}
