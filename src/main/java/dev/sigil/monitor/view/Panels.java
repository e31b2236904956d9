package dev.sigil.monitor.view;

import java.util.List;

import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import dev.tamboui.style.Style;
import dev.tamboui.text.Line;
import dev.tamboui.text.Span;
import dev.tamboui.widgets.block.Block;
import dev.tamboui.widgets.block.BorderType;
import dev.tamboui.widgets.block.Borders;
import dev.tamboui.widgets.block.Title;
import dev.tamboui.widgets.paragraph.Paragraph;

/** Small drawing helpers shared by the panels. */
final class Panels {

    private Panels() {
    }

    /** A bordered panel with a title; returns its inner area. */
    static Rect box(String title, Theme theme, Rect area, Buffer buffer) {
        Block block = Block.builder()
                .borders(Borders.ALL)
                .borderType(BorderType.ROUNDED)
                .borderStyle(theme.border())
                .title(Title.from(Line.from(Span.styled(" " + title + " ", theme.title()))))
                .build();
        block.render(area, buffer);
        return block.inner(area);
    }

    /** One line of spans, cut to the area's width with "…" ({@link Columns#cut(List, int)}). */
    static void line(Rect area, int row, Buffer buffer, Span... spans) {
        if (row < 0 || row >= area.height()) {
            return;
        }
        render(new Rect(area.x(), area.y() + row, area.width(), 1), Line.from(spans), buffer);
    }

    static void lines(Rect area, Buffer buffer, List<Line> lines) {
        for (int i = 0; i < lines.size() && i < area.height(); i++) {
            render(new Rect(area.x(), area.y() + i, area.width(), 1), lines.get(i), buffer);
        }
    }

    private static void render(Rect one, Line line, Buffer buffer) {
        List<Span> spans = Columns.cut(line.spans(), one.width());
        Line fitted = spans == line.spans() ? line : line.alignment().map(a -> Line.from(spans).alignment(a)).orElseGet(() -> Line.from(spans));
        Paragraph.builder().text(dev.tamboui.text.Text.from(fitted)).build().render(one, buffer);
    }

    static Span text(String s, Style style) {
        return Span.styled(s, style);
    }

    static Span raw(String s) {
        return Span.raw(s);
    }

    /** {@code s} padded on the left to {@code width} columns (numbers in columns). */
    static String right(String s, int width) {
        int w = dev.tamboui.text.CharWidth.of(s);
        return w >= width ? s : " ".repeat(width - w) + s;
    }

    /** A centred rectangle of at most {@code width} x {@code height} inside {@code area}. */
    static Rect centered(Rect area, int width, int height) {
        int w = Math.min(width, area.width());
        int h = Math.min(height, area.height());
        return new Rect(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h);
    }
}
