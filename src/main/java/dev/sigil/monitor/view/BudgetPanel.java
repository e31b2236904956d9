package dev.sigil.monitor.view;

import dev.sigil.monitor.state.BudgetSource;
import dev.sigil.monitor.state.Clock;
import dev.sigil.monitor.state.EventRow;
import dev.sigil.monitor.state.SessionStats;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import dev.tamboui.text.Span;
import dev.tamboui.widgets.gauge.Gauge;

/**
 * The budget gauge, used and remaining tokens, burn rate and forecast, the current component and operation (seed
 * 002's status rows, when there is room) and the token sparkline.
 */
final class BudgetPanel {

    private BudgetPanel() {
    }

    static void render(SessionStats s, Clock clock, Theme theme, Display display, Rect area, Buffer buffer) {
        Rect inner = Panels.box("Budget", theme, area, buffer);
        if (inner.isEmpty()) {
            return;
        }
        int row = 0;
        if (display.budgetBar()) {
            gauge(s, theme, new Rect(inner.x(), inner.y(), inner.width(), 1), buffer);
            row++;
        }
        Span[] used = {Panels.text("used ", theme.dim()), Panels.raw(Labels.tokens(s.tokensUsed())),
            Panels.text(" of ", theme.dim()), Panels.raw(Labels.tokens(s.budget())),
            Panels.text(s.budgetSource() == BudgetSource.DEFAULT ? " (default)" : "", theme.dim())};
        Span[] left = {Panels.text("left ", theme.dim()), Panels.raw(Labels.tokens(s.tokensRemaining()))};
        Span dot = Panels.text(" · ", theme.dim());
        if (width(used) + 3 + width(left) <= inner.width()) {
            Panels.line(inner, row++, buffer, used[0], used[1], used[2], used[3], used[4], dot, left[0], left[1]);
        } else if (width(used) - 3 + 3 + width(left) <= inner.width()) {
            Panels.line(inner, row++, buffer, used[0], used[1], Panels.text("/", theme.dim()), used[3], used[4], dot, left[0], left[1]);
        } else {
            Panels.line(inner, row++, buffer, used);
            Panels.line(inner, row++, buffer, Panels.text("remaining ", theme.dim()), left[1]);
        }
        Panels.line(inner, row++, buffer, burn(s, clock, theme, display, ""));
        if (s.spending().hasModels()) {
            Panels.line(inner, row++, buffer, CostLine.spans(s, clock, theme, inner.width())); // the cost view ($) has the rest
        }
        if (inner.height() >= row + 2 + 2) {
            // seed 002's Current Component and Current Operation: those of the newest event
            EventRow newest = s.recent().last();
            Panels.line(inner, row++, buffer, Panels.text("component ", theme.dim()),
                    Panels.raw(newest == null || newest.component().isEmpty() ? "-" : Labels.safe(newest.component())));
            Panels.line(inner, row++, buffer, Panels.text("operation ", theme.dim()),
                    Panels.raw(newest == null || newest.operation().isEmpty() ? "-" : Labels.safe(newest.operation())));
        }
        if (inner.height() > row + 1) {
            Rect spark = new Rect(inner.x(), inner.y() + row, inner.width(), inner.height() - row);
            Sparkbars.render(s.history(), theme, spark, buffer);
        }
    }

    private static int width(Span[] spans) {
        int w = 0;
        for (Span sp : spans) {
            w += sp.width();
        }
        return w;
    }

    /** The burn rate and, unless the display leaves it out, the forecast. */
    static Span[] burn(SessionStats s, Clock clock, Theme theme, Display display, String indent) {
        Span rate = Panels.raw(Labels.rate(s.burnRate(clock)));
        Span head = indent.isEmpty() ? Panels.text("burn ", theme.dim()) : Panels.raw(indent);
        if (!display.forecast()) {
            return new Span[] {head, rate};
        }
        return new Span[] {head, rate, Panels.text("  ", theme.dim()), Panels.raw(Labels.forecast(s.secondsToExhaustion(clock), s.status()))};
    }

    /** One row: the gauge with its percentage; green below 50 %, yellow below 80 %, red above. */
    static void gauge(SessionStats s, Theme theme, Rect area, Buffer buffer) {
        double pct = s.budgetPercentage();
        double ratio = Double.isNaN(pct) ? 0 : Math.max(0, Math.min(1, pct / 100));
        Gauge.builder().ratio(ratio).label(Labels.percent(pct)).useUnicode(true).gaugeStyle(theme.budget(pct)).build()
                .render(area, buffer);
    }
}
