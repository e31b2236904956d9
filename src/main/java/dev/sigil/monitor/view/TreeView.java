package dev.sigil.monitor.view;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.cost.Money;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.TreeRows;
import dev.sigil.monitor.state.Views;
import dev.sigil.spend.Branch;
import dev.sigil.spend.CallTree;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.layout.Rect;
import dev.tamboui.text.Line;
import dev.tamboui.text.Span;

/**
 * The call tree of the run (docs/contract.md §5.2): a row per unit of work, open or closed, with the tokens, dollars
 * and latency of everything below it; {@code $} marks the most expensive branch and {@code >} the slowest, from the
 * top down. The cursor's row stays in view; wide terminals also show the component and the tokens' split.
 */
final class TreeView {

    /** Deeper levels are indented no further (a deep chain stays readable). */
    static final int MAX_INDENT_LEVELS = 12;

    private TreeView() {
    }

    static void render(MonitorState state, Theme theme, Rect area, Buffer buffer) {
        Rect inner = Panels.box("Call tree", theme, area, buffer);
        if (inner.isEmpty()) {
            return;
        }
        CallTree tree = state.shown().spending().tree();
        if (!tree.hasIds()) {
            Panels.line(inner, 0, buffer, Panels.text("no line of this log names its unit of work (metadata.event_id):", theme.dim()));
            Panels.line(inner, 1, buffer, Panels.text("sigil orchestrate writes them; docs/contract.md section 5.2", theme.dim()));
            return;
        }
        Views views = state.views();
        List<Branch> rows = TreeRows.visible(tree, views);
        int cursor = TreeRows.cursor(rows, views);
        boolean wide = inner.width() >= 120;
        int fixed = 3 + 10 + 11 + 9 + (wide ? 14 + 20 : 0);
        int nameWidth = Math.max(10, inner.width() - fixed);
        List<Line> lines = new ArrayList<>();
        lines.add(Line.from(Panels.text(columns("   unit", nameWidth, "tokens", "cost", "time", wide ? "component" : null,
                wide ? new String[] {"input", "output"} : null), theme.dim())));
        int room = Math.max(1, inner.height() - 2);
        int first = Math.max(0, Math.min(cursor - room / 2, rows.size() - room));
        for (int i = first; i < rows.size() && lines.size() <= room; i++) {
            Branch b = rows.get(i);
            lines.add(Line.from(Panels.text(row(b, views, nameWidth, wide, i == cursor), style(b, i == cursor, theme))));
        }
        lines.add(Line.from(Panels.text("$ most expensive branch  > slowest branch  " + (cursor + 1) + "/" + rows.size(), theme.dim())));
        Panels.lines(inner, buffer, lines);
    }

    private static dev.tamboui.style.Style style(Branch b, boolean selected, Theme theme) {
        if (selected) {
            return theme.highlight();
        }
        return b.node().failed() ? theme.error() : b.total().totalTokens() > 0 && !b.total().priced() ? theme.notice() : theme.plain();
    }

    private static String row(Branch b, Views views, int nameWidth, boolean wide, boolean selected) {
        // the cursor is drawn reversed, and marked in the text too (a terminal without attributes, a screen reader)
        String marks = (selected ? "›" : " ") + (b.costliest() ? "$" : " ") + (b.slowest() ? ">" : " ");
        String open = b.children().isEmpty() ? "· " : views.open(b.node().id(), b.depth()) ? "▾ " : "▸ ";
        String indent = "  ".repeat(Math.min(b.depth(), MAX_INDENT_LEVELS));
        String name = marks + indent + open + Labels.safe(b.node().label());
        String cost = b.total().totalTokens() == 0 ? "" : b.total().cost().map(Money::brief).orElse("unpriced");
        return columns(name, nameWidth, b.total().totalTokens() == 0 ? "" : Labels.tokens(b.total().totalTokens()), cost,
                b.latencyMs() > 0 ? Labels.milliseconds(b.latencyMs()) : "", wide ? Labels.safe(b.node().component()) : null,
                wide ? new String[] {Labels.tokens(b.total().inputTokens()), Labels.tokens(b.total().outputTokens())} : null);
    }

    private static String columns(String name, int nameWidth, String tokens, String cost, String time, String component, String[] split) {
        StringBuilder s = new StringBuilder(CostView.fit(name, nameWidth + 3)).append(Panels.right(tokens, 10))
                .append(Panels.right(cost, 11)).append(Panels.right(time, 9));
        if (component != null) {
            s.append("  ").append(CostView.fit(component, 12));
        }
        if (split != null) {
            s.append(Panels.right(split[0], 10)).append(Panels.right(split[1], 10));
        }
        return s.toString();
    }
}
