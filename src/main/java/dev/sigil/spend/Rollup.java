package dev.sigil.spend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolls a {@link CallTree} up: every subtree's tokens, cost and latency, and the two branches worth a look (from the
 * top, the child with the most latency, and the child with the most dollars, then tokens). Iterative, so that a
 * deep chain of units cannot overflow the stack.
 */
final class Rollup {

    private Rollup() {
    }

    static List<Branch> of(CallTree tree) {
        List<TreeNode> nodes = new ArrayList<>(tree.nodes().values());
        int n = nodes.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(nodes.get(i).id(), i);
        }
        List<List<Integer>> children = new ArrayList<>(n);
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            children.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            Integer p = index.get(tree.parentOf(nodes.get(i)));
            if (p == null || p == i) {
                roots.add(i);
            } else {
                children.get(p).add(i);
            }
        }
        // Breadth first from the roots: every node reachable once (a loop the builder missed stays unreached).
        int[] depth = new int[n];
        java.util.Arrays.fill(depth, -1);
        List<Integer> order = new ArrayList<>();
        for (int r : roots) {
            depth[r] = 0;
            order.add(r);
        }
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            for (int c : children.get(i)) {
                if (depth[c] < 0) {
                    depth[c] = depth[i] + 1;
                    order.add(c);
                }
            }
        }
        Tally[] total = new Tally[n];
        double[] latency = new double[n];
        for (int k = order.size() - 1; k >= 0; k--) {
            int i = order.get(k);
            Tally t = nodes.get(i).own();
            double l = nodes.get(i).latencyMs();
            for (int c : children.get(i)) {
                if (depth[c] == depth[i] + 1) {
                    t = t.plus(total[c]);
                    l += latency[c];
                }
            }
            total[i] = t;
            latency[i] = l;
        }
        boolean[] slowest = new boolean[n];
        boolean[] costliest = new boolean[n];
        mark(roots, children, depth, total, latency, slowest, costliest);
        Branch[] built = new Branch[n];
        for (int k = order.size() - 1; k >= 0; k--) {
            int i = order.get(k);
            List<Branch> kids = new ArrayList<>();
            for (int c : children.get(i)) {
                if (depth[c] == depth[i] + 1) {
                    kids.add(built[c]);
                }
            }
            built[i] = new Branch(nodes.get(i), depth[i], total[i], latency[i], kids, slowest[i], costliest[i]);
        }
        List<Branch> out = new ArrayList<>();
        for (int r : roots) {
            out.add(built[r]);
        }
        return out;
    }

    private static void mark(List<Integer> roots, List<List<Integer>> children, int[] depth, Tally[] total, double[] latency,
                             boolean[] slowest, boolean[] costliest) {
        List<Integer> level = roots;
        int d = 0;
        while (!level.isEmpty()) {
            int slow = -1;
            for (int i : level) {
                if (depth[i] == d && latency[i] > 0 && (slow < 0 || latency[i] > latency[slow])) {
                    slow = i;
                }
            }
            if (slow < 0) {
                break;
            }
            slowest[slow] = true;
            level = children.get(slow);
            d++;
        }
        level = roots;
        d = 0;
        while (!level.isEmpty()) {
            int dear = -1;
            for (int i : level) {
                if (depth[i] == d && total[i].totalTokens() > 0 && (dear < 0 || dearer(total[i], total[dear]))) {
                    dear = i;
                }
            }
            if (dear < 0) {
                break;
            }
            costliest[dear] = true;
            level = children.get(dear);
            d++;
        }
    }

    /** More dollars, or as many and more tokens. */
    private static boolean dearer(Tally a, Tally b) {
        int c = Tally.compareUsd(a, b);
        return c > 0 || c == 0 && a.totalTokens() > b.totalTokens();
    }
}
