package dev.sigil.monitor.view;

import dev.sigil.monitor.state.BudgetSource;
import dev.sigil.monitor.state.Clock;
import dev.sigil.monitor.state.SessionStats;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import dev.tamboui.text.Span;
import dev.tamboui.widgets.gauge.Gauge;

/** The budget gauge, used and remaining tokens, burn rate and forecast, and the token sparkline. */
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
        Panels.line(inner, row++, buffer, Panels.text("used ", theme.dim()), Panels.raw(Labels.tokens(s.tokensUsed())),
                Panels.text(" of ", theme.dim()), Panels.raw(Labels.tokens(s.budget())),
                Panels.text(s.budgetSource() == BudgetSource.DEFAULT ? " (default)" : "", theme.dim()));
        Panels.line(inner, row++, buffer, Panels.text("remaining ", theme.dim()), Panels.raw(Labels.tokens(s.tokensRemaining())));
        Panels.line(inner, row++, buffer, burn(s, clock, theme, display, ""));
        if (s.spending().hasModels()) {
            Panels.line(inner, row++, buffer, CostLine.spans(s, clock, theme, inner.width())); // the cost view ($) has the rest
        }
        if (inner.height() > row + 1) {
            Rect spark = new Rect(inner.x(), inner.y() + row, inner.width(), inner.height() - row);
            Sparkbars.render(s.history(), theme, spark, buffer);
        }
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
