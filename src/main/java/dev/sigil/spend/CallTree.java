package dev.sigil.spend;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.sigil.contract.event.LogEvent;

/**
 * The call tree of a session, from its lines' {@code event_id} and {@code parent_id} (docs/contract.md §5.2): one
 * node per unit of work, what each unit's own lines spent, and, on demand, the roll-up of every subtree
 * ({@link #branches}). A parent no line declares is an implicit node; its own parent is the id before its last
 * {@code /} when it has one (sigil's ids are paths: {@code run-1/plan_execution/research_lead}), else none. Lines
 * without an id that count tokens go to the root {@link #UNATTRIBUTED}, so the tree's total is the session's.
 * A parent chain that loops is cut where it closes (the node becomes a root). Bounded by bytes: past
 * {@link #MAX_BYTES} no new node is made, and a new unit's lines count for its parent if known, else for
 * {@link #MORE}. Immutable.
 */
public final class CallTree {

    /** Texts kept of ids, labels, components and phases, in characters. */
    public static final int MAX_TEXT = 256;
    /** What the nodes may weigh, roughly (about 15,000 nodes of sigil's ids). */
    public static final long MAX_BYTES = 4L << 20;
    /** The node of counted lines without an event_id. */
    public static final String UNATTRIBUTED = "(no event_id)";
    /** The node of units past {@link #MAX_BYTES} whose parent is not known. */
    public static final String MORE = "(more units)";

    private static final CallTree EMPTY = new CallTree(Map.of(), 0);

    private final Map<String, TreeNode> nodes;
    private final long bytes;
    private volatile List<Branch> branches;

    private CallTree(Map<String, TreeNode> nodes, long bytes) {
        this.nodes = nodes;
        this.bytes = bytes;
    }

    public static CallTree empty() {
        return EMPTY;
    }

    /** A tree of {@code nodes} as {@link #nodes()} gave them (for a checkpoint of the fold). */
    public static CallTree restored(Map<String, TreeNode> nodes) {
        long bytes = 0;
        for (TreeNode n : nodes.values()) {
            bytes += n.bytes();
        }
        return new CallTree(Collections.unmodifiableMap(new LinkedHashMap<>(nodes)), bytes);
    }

    /** Every node, in order of first appearance. */
    public Map<String, TreeNode> nodes() {
        return nodes;
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** Whether some line named its unit (a log without attribution ids has only {@link #UNATTRIBUTED}). */
    public boolean hasIds() {
        return nodes.values().stream().anyMatch(n -> n.declared() && !n.id().equals(UNATTRIBUTED));
    }

    /** The roots with every subtree rolled up, the slowest and the most expensive branch marked. */
    public List<Branch> branches() {
        List<Branch> b = branches;
        if (b == null) {
            b = Rollup.of(this);
            branches = b;
        }
        return b;
    }

    /** The parent a node hangs under: its declared or implicit parent, unless that closes a loop. */
    String parentOf(TreeNode n) {
        return n.parent().isEmpty() || !nodes.containsKey(n.parent()) ? "" : n.parent();
    }

    public Builder builder() {
        return new Builder(this);
    }

    /** Adds many lines at the cost of one copy. */
    public static final class Builder {
        private final Map<String, TreeNode> nodes;
        private long bytes;

        private Builder(CallTree from) {
            this.nodes = new LinkedHashMap<>(from.nodes);
            this.bytes = from.bytes;
        }

        /** One line: {@code counted} tokens of its session, priced {@code price} (empty: unpriced). */
        public Builder add(LogEvent e, long counted, Optional<BigDecimal> price) {
            String id = cut(e.attribution().eventId());
            if (id.isEmpty()) {
                if (counted > 0) {
                    update(root(UNATTRIBUTED, e), e, counted, price);
                }
                return this;
            }
            String parent = cut(e.attribution().parentId());
            TreeNode node = nodes.get(id);
            if (node == null || !node.declared()) {
                node = declare(id, parent, e, node);
                if (node == null) {
                    String into = !parent.isEmpty() && nodes.containsKey(parent) ? parent : root(MORE, e).id();
                    update(nodes.get(into), e, counted, price);
                    return this;
                }
            }
            update(node, e, counted, price);
            return this;
        }

        public CallTree build() {
            return new CallTree(Collections.unmodifiableMap(new LinkedHashMap<>(nodes)), bytes);
        }

        /** The node of a line that names its unit first (or the first time, after being only a parent); null when full. */
        private TreeNode declare(String id, String parent, LogEvent e, TreeNode implicit) {
            if (!parent.isEmpty() && !parent.equals(id) && !nodes.containsKey(parent) && implied(parent, e) == null) {
                parent = ""; // no room left for its parent: it hangs at the root
            }
            String p = parent.equals(id) || loops(id, parent) ? "" : parent;
            TreeNode n = new TreeNode(id, p, label(id, e), cut(e.component()), cut(e.attribution().phase()), Tally.ZERO, 0, 0, false, true);
            if (implicit != null) {
                n = new TreeNode(id, p, n.label(), n.component(), n.phase(), implicit.own(), implicit.latencyMs(), implicit.lines(),
                        implicit.failed(), true);
                bytes -= implicit.bytes();
            } else if (bytes + n.bytes() > MAX_BYTES) {
                return null;
            }
            bytes += n.bytes();
            nodes.put(id, n);
            return n;
        }

        /** An implicit node for {@code id} and, by the path rule, its ancestors; null when there is no room. */
        private TreeNode implied(String id, LogEvent e) {
            TreeNode known = nodes.get(id);
            if (known != null) {
                return known;
            }
            int slash = id.lastIndexOf('/');
            String parent = slash > 0 ? id.substring(0, slash) : "";
            if (!parent.isEmpty() && implied(parent, e) == null) {
                parent = "";
            }
            TreeNode n = new TreeNode(id, parent, slash >= 0 ? id.substring(slash + 1) : id, "", "", Tally.ZERO, 0, 0, false, false);
            if (bytes + n.bytes() > MAX_BYTES) {
                return null;
            }
            bytes += n.bytes();
            nodes.put(id, n);
            return n;
        }

        /** Whether hanging {@code id} under {@code parent} would close a loop. */
        private boolean loops(String id, String parent) {
            String p = parent;
            for (int steps = 0; !p.isEmpty() && steps <= nodes.size(); steps++) {
                if (p.equals(id)) {
                    return true;
                }
                TreeNode n = nodes.get(p);
                p = n == null ? "" : n.parent();
            }
            return !p.isEmpty();
        }

        private TreeNode root(String name, LogEvent e) {
            TreeNode n = nodes.get(name);
            if (n == null) {
                n = new TreeNode(name, "", name, "", "", Tally.ZERO, 0, 0, false, true);
                bytes += n.bytes(); // the two roots of sigil's own are made whatever the bound
                nodes.put(name, n);
            }
            return n;
        }

        private void update(TreeNode n, LogEvent e, long counted, Optional<BigDecimal> price) {
            Tally own = counted > 0 ? n.own().plus(e.usage(), counted, price) : n.own();
            String phase = n.phase().isEmpty() ? cut(e.attribution().phase()) : n.phase();
            nodes.put(n.id(), new TreeNode(n.id(), n.parent(), n.label(), n.component().isEmpty() ? cut(e.component()) : n.component(),
                    phase, own, e.hasLatency() ? n.latencyMs() + e.latencyMs() : n.latencyMs(), n.lines() + 1,
                    n.failed() || e.isError(), n.declared()));
        }

        private static String label(String id, LogEvent e) {
            int slash = id.lastIndexOf('/');
            if (slash >= 0 && slash < id.length() - 1) {
                return id.substring(slash + 1);
            }
            String op = e.attribution().operation().isEmpty() ? e.operation() : e.attribution().operation();
            return cut(op.isEmpty() || op.equals(e.eventType()) ? id : op);
        }
    }

    static String cut(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
    }

    /** All branches' nodes, depth first: the rows of a fully expanded tree. */
    public static List<Branch> flatten(List<Branch> roots) {
        List<Branch> out = new ArrayList<>();
        List<Branch> stack = new ArrayList<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.add(roots.get(i));
        }
        while (!stack.isEmpty()) {
            Branch b = stack.remove(stack.size() - 1);
            out.add(b);
            for (int i = b.children().size() - 1; i >= 0; i--) {
                stack.add(b.children().get(i));
            }
        }
        return out;
    }
}
