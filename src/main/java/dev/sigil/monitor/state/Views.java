package dev.sigil.monitor.state;

import java.util.HashSet;
import java.util.Set;

/**
 * Which view of the session's spending is open, and where the call tree's cursor is: the dashboard's own state for
 * its cost and tree views (docs/monitor.md). Immutable.
 *
 * @param view the open view
 * @param cursor the id of the tree node under the cursor, "" for the first row
 * @param toggled nodes the user opened or closed against the default (at most {@link #MAX_TOGGLED})
 * @param history what the history view shows
 */
public record Views(View view, String cursor, Set<String> toggled, History history) {

    /** Nodes shallower than this are open until the user closes them. */
    public static final int OPEN_DEPTH = 2;
    static final int MAX_TOGGLED = 4096;

    /** The dashboard, no view of its own open. */
    public static final Views DASHBOARD = new Views(View.DASHBOARD, "", Set.of(), History.NONE);

    /** The views there are. */
    public enum View {
        /** The dashboard's panels. */
        DASHBOARD,
        /** Cost so far, per component and per model, burn and forecast in dollars. */
        COST,
        /** The call tree of the run, with tokens and cost per node. */
        TREE,
        /** Every session's cost and tokens per day, the top sessions and models (History). */
        HISTORY
    }

    public Views {
        toggled = Set.copyOf(toggled);
    }

    /** Whether the node {@code id} at {@code depth} shows its children. */
    public boolean open(String id, int depth) {
        return toggled.contains(id) != (depth < OPEN_DEPTH);
    }

    Views showing(View v) {
        return new Views(v, cursor, toggled, history);
    }

    Views at(String id) {
        return new Views(view, id, toggled, history);
    }

    Views withHistory(History h) {
        return new Views(view, cursor, toggled, h);
    }

    /** The node {@code id} at {@code depth} opened ({@code open}) or closed. */
    Views opened(String id, int depth, boolean open) {
        if (open(id, depth) == open) {
            return this;
        }
        Set<String> t = new HashSet<>(toggled);
        if (!t.remove(id) && t.size() < MAX_TOGGLED) {
            t.add(id);
        }
        return new Views(view, cursor, t, history);
    }
}
