package dev.sigil.monitor.state;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.spend.Branch;
import dev.sigil.spend.CallTree;

/** The rows of the call tree as they are shown: every open node's children below it, depth first. */
public final class TreeRows {

    private TreeRows() {
    }

    /** The visible rows of {@code tree} with the nodes {@code views} has open. */
    public static List<Branch> visible(CallTree tree, Views views) {
        List<Branch> out = new ArrayList<>();
        List<Branch> stack = new ArrayList<>();
        List<Branch> roots = tree.branches();
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.add(roots.get(i));
        }
        while (!stack.isEmpty()) {
            Branch b = stack.remove(stack.size() - 1);
            out.add(b);
            if (views.open(b.node().id(), b.depth())) {
                for (int i = b.children().size() - 1; i >= 0; i--) {
                    stack.add(b.children().get(i));
                }
            }
        }
        return out;
    }

    /** The row of the cursor: the row of its node, else the first. */
    public static int cursor(List<Branch> rows, Views views) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).node().id().equals(views.cursor())) {
                return i;
            }
        }
        return 0;
    }
}
