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

/** The dashboard's one line of cost (shown once a line names a model): spent, the dollar budget, burn, unpriced tokens. */
final class CostLine {

    private CostLine() {
    }

    static Span[] spans(SessionStats s, Clock clock, Theme theme) {
        SessionSpend spend = s.spending();
        List<Span> spans = new ArrayList<>(List.of(Panels.text("cost ", theme.dim()), Panels.raw(Money.brief(spend.total().usd()))));
        if (spend.hasBudgetUsd()) {
            spans.add(Panels.text(" of ", theme.dim()));
            spans.add(Panels.raw(Money.brief(spend.budgetUsd())));
        }
        BigDecimal rate = SpendRates.perMinute(s, clock);
        if (rate != null) {
            spans.add(Panels.text("  ", theme.dim()));
            spans.add(Panels.raw(Money.brief(rate) + "/min"));
        }
        if (spend.total().unpricedTokens() > 0) {
            spans.add(Panels.text("  +" + Labels.tokens(spend.total().unpricedTokens()) + " unpriced", theme.notice()));
        }
        return spans.toArray(Span[]::new);
    }
}
