package dev.sigil.monitor.state;

import java.util.List;

import dev.sigil.monitor.state.MonitorAction.Command;
import dev.sigil.monitor.state.Views.View;
import dev.sigil.spend.Branch;

/**
 * What keys do for the spending views: {@code $} opens or closes the cost view, {@code t} the call tree; in the tree
 * the arrows move the cursor, Enter opens or closes the node under it, right opens, left closes (or goes to the
 * parent); Esc goes back to the dashboard. Keys it does not handle are the dashboard's.
 */
final class ViewKeys {

    private ViewKeys() {
    }

    /** The state after {@code c} in a spending view, or null when the key is not theirs. */
    static MonitorState key(MonitorState s, Command c) {
        Views v = s.views();
        switch (c) {
            case COST_VIEW -> {
                return s.with(v.showing(v.view() == View.COST ? View.DASHBOARD : View.COST));
            }
            case TREE_VIEW -> {
                return s.with(v.showing(v.view() == View.TREE ? View.DASHBOARD : View.TREE));
            }
            case EXPAND, COLLAPSE -> {
                return v.view() == View.TREE ? tree(s, c) : s;
            }
            default -> {
                if (v.view() == View.DASHBOARD) {
                    return null;
                }
                if (c == Command.CANCEL && !s.showSummary()) {
                    return s.with(v.showing(View.DASHBOARD));
                }
                return v.view() == View.TREE ? tree(s, c) : null;
            }
        }
    }

    /** {@code H}: the history view opened, its figures read again (they may have changed), or closed. */
    static Update history(MonitorState s) {
        Views v = s.views();
        if (v.view() == View.HISTORY) {
            return Update.of(s.with(v.showing(View.DASHBOARD)));
        }
        return Update.of(s.with(v.showing(View.HISTORY).withHistory(History.LOADING)), new Effect.LoadHistory());
    }

    private static MonitorState tree(MonitorState s, Command c) {
        Views v = s.views();
        List<Branch> rows = TreeRows.visible(s.shown().spending().tree(), v);
        if (rows.isEmpty()) {
            return c == Command.CONFIRM && s.showSummary() ? null : s;
        }
        int at = TreeRows.cursor(rows, v);
        Branch here = rows.get(at);
        int page = s.ui().pageRows();
        return switch (c) {
            case UP -> move(s, rows, at - 1);
            case DOWN -> move(s, rows, at + 1);
            case PAGE_UP -> move(s, rows, at - page);
            case PAGE_DOWN -> move(s, rows, at + page);
            case HOME -> move(s, rows, 0);
            case END -> move(s, rows, rows.size() - 1);
            case CONFIRM -> s.showSummary() ? null
                    : s.with(v.at(here.node().id()).opened(here.node().id(), here.depth(), !v.open(here.node().id(), here.depth())));
            case EXPAND -> s.with(v.at(here.node().id()).opened(here.node().id(), here.depth(), true));
            case COLLAPSE -> v.open(here.node().id(), here.depth()) && !here.children().isEmpty()
                    ? s.with(v.at(here.node().id()).opened(here.node().id(), here.depth(), false))
                    : move(s, rows, parentRow(rows, at));
            default -> null;
        };
    }

    private static MonitorState move(MonitorState s, List<Branch> rows, int row) {
        int r = Math.max(0, Math.min(rows.size() - 1, row));
        return s.with(s.views().at(rows.get(r).node().id()));
    }

    private static int parentRow(List<Branch> rows, int at) {
        int depth = rows.get(at).depth();
        for (int i = at - 1; i >= 0; i--) {
            if (rows.get(i).depth() < depth) {
                return i;
            }
        }
        return at;
    }
}
