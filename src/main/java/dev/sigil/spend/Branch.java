package dev.sigil.spend;

import java.util.List;

/**
 * A node with everything below it: what the tree view and {@code sigil report --by tree} show.
 *
 * @param node the node
 * @param depth 0 at a root
 * @param total its own lines and every descendant's
 * @param latencyMs the latencies of the same lines, summed
 * @param children its children, in order of first appearance
 * @param slowest whether it is on the slowest branch (from a root down, the child with the most latency each time)
 * @param costliest whether it is on the most expensive branch (the most dollars, then the most tokens)
 */
public record Branch(TreeNode node, int depth, Tally total, double latencyMs, List<Branch> children, boolean slowest,
                     boolean costliest) {

    public Branch {
        children = List.copyOf(children);
    }
}
