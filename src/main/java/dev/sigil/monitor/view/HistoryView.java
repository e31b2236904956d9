package dev.sigil.monitor.view;

import java.math.BigDecimal;
import java.util.List;

import dev.sigil.cost.Money;
import dev.sigil.monitor.state.History;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import dev.tamboui.widgets.barchart.Bar;
import dev.tamboui.widgets.barchart.BarChart;
import dev.tamboui.widgets.barchart.BarGroup;

/**
 * The history view ({@code H}, docs/monitor.md): every session of the log root over the last thirty days, cost and
 * tokens per day as two bar charts (TamboUI's), then the most expensive sessions and models side by side. Bars are as
 * wide as the terminal allows (one column each at 80); days are named below the charts. A function of the state.
 */
final class HistoryView {

    private HistoryView() {
    }

    static void render(History h, Theme theme, Rect area, Buffer buffer) {
        if (h.state() != History.State.READ) {
            Rect box = Panels.box("History", theme, area, buffer);
            String text = switch (h.state()) {
                case FAILED -> "could not read the history: " + Labels.safe(h.problem());
                default -> "reading every session of the log directory...";
            };
            Panels.line(box, 0, buffer, Panels.text(text, h.state() == History.State.FAILED ? theme.error() : theme.dim()));
            return;
        }
        int lists = Math.max(4, Math.min(History.TOP + 3, area.height() / 3));
        int charts = Math.max(0, area.height() - lists);
        int costRows = charts / 2;
        chart("Cost per day, last " + History.DAYS + " days: " + Money.brief(sum(h.days())), h, true, theme,
                new Rect(area.x(), area.y(), area.width(), costRows), buffer);
        chart("Tokens per day: " + Labels.tokens(h.days().stream().mapToLong(History.Total::tokens).sum()), h, false, theme,
                new Rect(area.x(), area.y() + costRows, area.width(), charts - costRows), buffer);
        int half = area.width() / 2;
        top("Top sessions", h.sessions(), theme, new Rect(area.x(), area.y() + charts, half, lists), buffer);
        top("Top models", h.models(), theme, new Rect(area.x() + half, area.y() + charts, area.width() - half, lists), buffer);
    }

    private static void chart(String title, History h, boolean cost, Theme theme, Rect area, Buffer buffer) {
        if (area.height() < 4) {
            return;
        }
        Rect inner = Panels.box(title, theme, area, buffer);
        List<History.Total> days = h.days();
        if (days.isEmpty() || inner.width() < days.size()) {
            return;
        }
        int width = Math.max(1, (inner.width() + 1) / days.size() - 1);
        int gap = inner.width() >= days.size() * 2 ? 1 : 0;
        Bar[] bars = new Bar[days.size()];
        long max = 1;
        for (int i = 0; i < bars.length; i++) {
            History.Total d = days.get(i);
            long value = cost ? d.usd().movePointRight(6).longValue() : d.tokens();
            max = Math.max(max, value);
            bars[i] = Bar.builder().value(value).textValue("").build();
        }
        Rect plot = new Rect(inner.x(), inner.y(), inner.width(), Math.max(1, inner.height() - 1));
        BarChart.builder().data(BarGroup.of(bars)).max(max).barWidth(width).barGap(gap).barStyle(theme.bar()).build().render(plot, buffer);
        String first = days.get(0).name();
        String last = days.get(days.size() - 1).name();
        int span = days.size() * (width + gap) - gap;
        String axis = first + " ".repeat(Math.max(1, Math.min(span, inner.width()) - first.length() - last.length())) + last;
        Panels.line(inner, inner.height() - 1, buffer, Panels.text(axis.length() <= inner.width() ? axis : first, theme.dim()));
    }

    private static void top(String title, List<History.Total> rows, Theme theme, Rect area, Buffer buffer) {
        Rect inner = Panels.box(title, theme, area, buffer);
        if (rows.isEmpty()) {
            Panels.line(inner, 0, buffer, Panels.text("nothing spent in these days", theme.dim()));
            return;
        }
        int figures = 22;
        int name = Math.max(4, inner.width() - figures);
        for (int i = 0; i < Math.min(rows.size(), inner.height()); i++) {
            History.Total t = rows.get(i);
            String label = Labels.safe(t.name());
            label = Columns.cut(label, name);
            String usd = t.priced() ? Money.brief(t.usd()) : "unpriced";
            Panels.line(inner, i, buffer, Panels.raw(label + " ".repeat(Math.max(1, name - dev.tamboui.text.CharWidth.of(label)))),
                    Panels.text(Panels.right(usd, 10), theme.plain()), Panels.text(Panels.right(Labels.tokens(t.tokens()), 11), theme.dim()));
        }
    }

    private static BigDecimal sum(List<History.Total> days) {
        return days.stream().map(History.Total::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
