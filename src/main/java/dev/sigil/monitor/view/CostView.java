package dev.sigil.monitor.view;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.sigil.cost.Money;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.SessionStats;
import dev.sigil.monitor.state.SpendRates;
import dev.sigil.spend.SessionSpend;
import dev.sigil.spend.Tally;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import dev.tamboui.text.Line;
import dev.tamboui.text.Span;
import dev.tamboui.widgets.gauge.Gauge;

/**
 * The cost view: what the session has cost so far, its burn in dollars per minute, the dollar budget with its
 * forecast, the unpriced tokens (never shown as $0), and the tokens and dollars per component and per model. Wider
 * terminals get more columns (input, output, cache reads and writes, reasoning, lines); a tall one shows the tokens
 * over time below the tables.
 */
final class CostView {

    /** The share column: "100.00%" and a space before it. */
    private static final int SHARE = 8;

    /** The tallest the tokens-over-time chart gets: taller says nothing more. */
    private static final int CHART_ROWS = 12;

    private CostView() {
    }

    static void render(MonitorState state, Theme theme, Rect area, Buffer buffer) {
        SessionStats s = state.shown();
        SessionSpend spend = s.spending();
        int summaryRows = spend.hasBudgetUsd() ? 5 : 4;
        Rect summary = Panels.box("Cost", theme, new Rect(area.x(), area.y(), area.width(), Math.min(area.height(), summaryRows)), buffer);
        if (!spend.hasModels()) {
            Panels.line(summary, 0, buffer, Panels.text("no line names a model yet: nothing to price", theme.dim()));
            Panels.line(summary, 1, buffer, Panels.text("tokens without a usage record ", theme.dim()),
                    Panels.raw(Labels.tokens(spend.total().unpricedTokens())), Panels.text(" (unpriced)", theme.dim()));
        } else {
            summary(s, state, theme, summary, buffer);
        }
        int left = area.height() - summaryRows;
        if (left < 6) {
            return;
        }
        int models = Math.min(spend.models().size() + 3, Math.max(left / 2, left - spend.components().size() - 3));
        int components = Math.min(spend.components().size() + 3, left - models);
        int names = Math.max(longest(spend.components()), longest(spend.models()));
        table("By component", "component", spend.components(), spend.total(), names, theme,
                new Rect(area.x(), area.y() + summaryRows, area.width(), components), buffer);
        table("By model", "model", spend.models(), spend.total(), names, theme,
                new Rect(area.x(), area.y() + summaryRows + components, area.width(), models), buffer);
        int below = left - components - models;
        if (below >= 4) {
            Rect inner = Panels.box("Tokens over time", theme,
                    new Rect(area.x(), area.y() + summaryRows + components + models, area.width(), Math.min(below, CHART_ROWS)), buffer);
            Sparkbars.render(s.history(), theme, inner, buffer);
        }
    }

    /** The widest name of {@code tallies} as shown, in columns (at least the headings'). */
    private static int longest(Map<String, Tally> tallies) {
        int w = "component".length();
        for (String name : tallies.keySet()) {
            w = Math.max(w, dev.tamboui.text.CharWidth.of(Labels.safe(name)));
        }
        return w;
    }

    private static void summary(SessionStats s, MonitorState state, Theme theme, Rect inner, Buffer buffer) {
        SessionSpend spend = s.spending();
        Tally t = spend.total();
        BigDecimal rate = SpendRates.perMinute(s, state.clock());
        int row = 0;
        if (spend.hasBudgetUsd()) {
            double pct = SpendRates.percentUsed(s);
            Gauge.builder().ratio(Math.max(0, Math.min(1, pct / 100))).label(Labels.percent(pct) + " of " + Money.brief(spend.budgetUsd()))
                    .useUnicode(true).gaugeStyle(theme.budget(pct)).build()
                    .render(new Rect(inner.x(), inner.y(), inner.width(), 1), buffer);
            row++;
        }
        List<Span> spent = new ArrayList<>(List.of(Panels.text("spent ", theme.dim()), Panels.text(Money.brief(t.usd()), theme.title())));
        if (spend.hasBudgetUsd()) {
            spent.add(Panels.text(" of ", theme.dim()));
            spent.add(Panels.raw(Money.brief(spend.budgetUsd())));
            spent.add(Panels.text("  left ", theme.dim()));
            spent.add(Panels.raw(Money.brief(SpendRates.remaining(s))));
        }
        spent.add(Panels.text("  burn ", theme.dim()));
        spent.add(Panels.raw(rate == null ? "-" : Money.brief(rate) + "/min"));
        if (spend.hasBudgetUsd()) {
            String forecast = Labels.forecast(SpendRates.secondsToBudget(s, state.clock()), s.status());
            spent.add(Panels.raw(forecast.isEmpty() ? "" : "  " + forecast.replace("budget", "dollar budget")));
        }
        Panels.line(inner, row++, buffer, spent.toArray(Span[]::new));
        Panels.line(inner, row, buffer, Panels.text("priced ", theme.dim()), Panels.raw(Labels.tokens(t.pricedTokens()) + " tokens"),
                Panels.text("  unpriced ", theme.dim()),
                Panels.text(Labels.tokens(t.unpricedTokens()) + " tokens", t.unpricedTokens() > 0 ? theme.notice() : theme.plain()),
                Panels.text(t.unpricedTokens() > 0 ? "  (no price: not $0)" : "", theme.dim()));
    }

    /**
     * One row per name: tokens and dollars, and on wide terminals the split of the tokens. The names' column is as
     * wide as {@code names} (the widest name of both tables, so their columns line up) where the terminal has room.
     */
    private static void table(String title, String heading, Map<String, Tally> tallies, Tally total, int names, Theme theme, Rect area,
                              Buffer buffer) {
        Rect inner = Panels.box(title, theme, area, buffer);
        if (inner.isEmpty()) {
            return;
        }
        boolean wide = inner.width() >= 120;
        boolean medium = inner.width() >= 76;
        int fixed = 10 + 11 + SHARE + (medium ? 20 : 0) + (wide ? 41 : 0);
        int nameWidth = Math.max(8, Math.min(inner.width() - fixed, names + 2));
        List<Line> lines = new ArrayList<>();
        lines.add(Line.from(Panels.text(row(heading, nameWidth, "tokens", "cost", "share", medium ? new String[] {"input", "output"} : null,
                wide ? new String[] {"cache read", "cache write", "reasoning", "lines"} : null), theme.dim())));
        int room = inner.height() - 1;
        int shown = 0;
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            if (shown == room - 1 && tallies.size() > room) {
                lines.add(Line.from(Panels.text("… " + (tallies.size() - shown) + " more", theme.dim())));
                break;
            }
            Tally t = e.getValue();
            String cost = t.cost().map(Money::brief).orElse("unpriced");
            String share = total.usd().signum() > 0 && t.priced()
                    ? Labels.percent(t.usd().multiply(BigDecimal.valueOf(100)).divide(total.usd(), MathContext.DECIMAL64).doubleValue())
                    : "";
            String text = row(Labels.safe(e.getKey()), nameWidth, Labels.tokens(t.totalTokens()), cost, share,
                    medium ? new String[] {Labels.tokens(t.inputTokens()), Labels.tokens(t.outputTokens())} : null,
                    wide ? new String[] {Labels.tokens(t.cacheReadTokens()), Labels.tokens(t.cacheWriteTokens()),
                        Labels.tokens(t.reasoningTokens()), Labels.tokens(t.events())} : null);
            lines.add(Line.from(Panels.text(text, t.cost().isPresent() ? theme.plain() : theme.notice())));
            shown++;
        }
        Panels.lines(inner, buffer, lines);
    }

    private static String row(String name, int nameWidth, String tokens, String cost, String share, String[] split, String[] more) {
        StringBuilder b = new StringBuilder(fit(name, nameWidth)).append(Panels.right(tokens, 10)).append(Panels.right(cost, 11))
                .append(Panels.right(share, SHARE));
        if (split != null) {
            for (String v : split) {
                b.append(Panels.right(v, 10));
            }
        }
        if (more != null) {
            b.append(Panels.right(more[0], 11)).append(Panels.right(more[1], 12)).append(Panels.right(more[2], 10))
                    .append(Panels.right(more[3], 8));
        }
        return b.toString();
    }

    /** {@code s} cut with an ellipsis ({@link Columns#cut(String, int)}) or padded to {@code width} columns. */
    static String fit(String s, int width) {
        String cut = Columns.cut(s, width);
        return cut + " ".repeat(Math.max(0, width - dev.tamboui.text.CharWidth.of(cut)));
    }
}
