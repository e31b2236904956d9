package dev.sigil.monitor.view;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.cost.Money;
import dev.sigil.monitor.state.Clock;
import dev.sigil.monitor.state.SessionStats;
import dev.sigil.monitor.state.SpendRates;
import dev.sigil.spend.SessionSpend;
import dev.tamboui.text.Span;

/**
 * The dashboard's one line of cost (shown once a line names a model): spent, the dollar budget, burn, when the dollar
 * budget runs out at that burn (it may bind long before the token budget), unpriced tokens.
 */
final class CostLine {

    private CostLine() {
    }

    /** The line, its least useful parts (the burn, the forecast, then the budget) left out when it would not fit {@code width}. */
    static Span[] spans(SessionStats s, Clock clock, Theme theme, int width) {
        SessionSpend spend = s.spending();
        List<Span> head = List.of(Panels.text("cost ", theme.dim()), Panels.raw(Money.brief(spend.total().usd())));
        List<Span> budget = spend.hasBudgetUsd() ? List.of(Panels.text("/", theme.dim()), Panels.raw(Money.brief(spend.budgetUsd()))) : List.of();
        List<Span> unpriced = spend.total().unpricedTokens() > 0
                ? List.of(Panels.text(" +" + Labels.tokens(spend.total().unpricedTokens()) + " unpriced", theme.notice())) : List.of();
        BigDecimal rate = SpendRates.perMinute(s, clock);
        List<Span> burn = rate == null ? List.of() : List.of(Panels.raw("  " + Money.brief(rate) + "/min"));
        double left = SpendRates.secondsToBudget(s, clock);
        List<Span> forecast = spend.hasBudgetUsd() && left > 0 && !Double.isInfinite(left) && !s.status().isFinished()
                ? List.of(Panels.raw("  " + Labels.forecast(left, s.status()))) : List.of();
        for (List<List<Span>> choice : List.of(List.of(head, budget, burn, forecast, unpriced), List.of(head, budget, forecast, unpriced),
                List.of(head, budget, unpriced), List.of(head, unpriced))) {
            List<Span> line = new ArrayList<>();
            choice.forEach(line::addAll);
            if (line.stream().mapToInt(Span::width).sum() <= width) {
                return line.toArray(Span[]::new);
            }
        }
        List<Span> line = new ArrayList<>(head);
        line.addAll(unpriced);
        return line.toArray(Span[]::new); // the unpriced tokens are never dropped: the panel cuts what does not fit
    }
}
