package dev.sigil.contract.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What of a line a format reads: a tree of the members and elements its paths go through, so that a line can be
 * read into a small tree holding only those ({@link FastProjection}) and the definition run on it with the result it
 * gives on the whole line. A place is kept as a value (a scalar as itself, an object or an array as an empty one,
 * enough for its presence and its type) or {@code whole} (a message in its JSON form, a usage record checked in
 * full). Immutable once built.
 */
final class Projection {

    /** Everything below. */
    static final Projection WHOLE = new Projection(true);
    /** Nothing below (a value only scanned). */
    static final Projection NOTHING = new Projection(false);

    private final Map<String, Projection> members = new LinkedHashMap<>();
    private byte[][] names = new byte[0][];
    private String[] nameTexts = new String[0];
    private Projection[] byName = new Projection[0];
    /**
     * The names by {@link #hash} (ADR 0290): {@code heads[h & mask]} is 1 + the index of the first name of that hash
     * (0: none), {@code nexts[k]} 1 + the index of the next one after name {@code k}; a line's member is looked up
     * among the one or two names of its hash, not among all of them.
     */
    private int[] heads = new int[1];
    private int[] nexts = new int[0];
    private int mask;
    private Projection anyMember;
    private Projection elements;
    /** Of an array: what is kept of the first element each filter step ({@code [key=value]}) finds (for {@link Slots}). */
    private final Map<FieldPath.Filter, Projection> filtered = new LinkedHashMap<>();
    private FilterSteps filters = FilterSteps.NONE;
    /** A member whose value's elements are the next records' scope (a frame of {@link Slots}). */
    private boolean spine;
    /** The first element of its array a filter step found (it keeps a slot, so that the first one wins). */
    private boolean filterNode;
    private boolean whole;
    /** Its slot when a read ends here or goes on below it by other steps than members (-1: none), and its subtree's slots [lo, hi). */
    private int slot = -1;
    private int lo;
    private int hi;
    /**
     * Of the root: the nodes by frame and slot, or null when the format's reads are not all led by member names and
     * filter steps (no slots). Frame 0 is the line, frame n the element of the records path's n-th {@code *} (the
     * last one the record itself); a format without records has frame 0 alone.
     */
    private Projection[][] slots;
    /** The same node without {@code whole} (what a path going on below it needs), for a node with a slot. */
    private Projection partial;

    private Projection(boolean whole) {
        this.whole = whole;
    }

    /**
     * The projection of everything {@code reads} read: a path of the line itself ({@code $0}) from the root, one of a
     * record from where {@code records} leads (or from the root without records), {@code $n} from the element of the
     * records path's n-th wildcard.
     */
    static Projection of(FieldPath records, List<Read> reads) {
        Projection root = new Projection(false);
        List<FieldPath.Step> recordSteps = records == null ? List.of() : records.steps();
        for (Read r : reads) {
            List<FieldPath.Step> steps = new ArrayList<>();
            int scope = r.path.scope();
            if (scope < 0) {
                steps.addAll(recordSteps);
            } else if (scope > 0) {
                int seen = 0;
                for (FieldPath.Step s : recordSteps) {
                    steps.add(s);
                    if (s instanceof FieldPath.Any && ++seen == scope) {
                        break;
                    }
                }
            }
            steps.addAll(r.path.steps());
            List<Projection> ends = new ArrayList<>(List.of(root));
            for (FieldPath.Step s : steps) {
                List<Projection> next = new ArrayList<>();
                for (Projection p : ends) {
                    p.step(s, next);
                }
                ends = next;
            }
            for (Projection p : ends) {
                p.whole |= r.whole;
            }
        }
        root.mergeAnyIntoNamed();
        root.freeze();
        root.assignSlots(records, reads);
        return root;
    }

    /**
     * Makes each member kept by its name keep too what {@code *} keeps below every member (a union), so that a member
     * kept both ways is read once, by its name, into all that either way needs (openai-chat's {@code choices.0} and
     * {@code choices.*}, OTLP's {@code body.stringValue} and {@code body.*}).
     */
    private void mergeAnyIntoNamed() {
        if (anyMember != null) {
            for (Projection child : members.values()) {
                child.absorb(anyMember);
            }
            anyMember.mergeAnyIntoNamed();
        }
        for (Projection child : members.values()) {
            child.mergeAnyIntoNamed();
        }
        for (Projection child : filtered.values()) {
            child.mergeAnyIntoNamed();
        }
        if (elements != null) {
            elements.mergeAnyIntoNamed();
        }
    }

    /** Keeps also all that {@code other} keeps (new nodes of its own: none is shared). */
    private void absorb(Projection other) {
        whole |= other.whole;
        other.members.forEach((name, c) -> child(name).absorb(c));
        other.filtered.forEach((f, c) -> filteredChild(f).absorb(c));
        if (other.anyMember != null) {
            anyMember().absorb(other.anyMember);
        }
        if (other.elements != null) {
            elements().absorb(other.elements);
        }
    }

    /**
     * Gives a slot to the node where each read's leading member names and filter steps end, and tells the read's path
     * its slot and what is left of it below ({@link Slots}): only when every read is led by such steps from its frame
     * (the line, or one of the records path's elements: a records path of member names each run ending in {@code *}),
     * none of them on the records path's way.
     */
    private void assignSlots(FieldPath records, List<Read> reads) {
        List<Projection> frames = frames(records);
        if (frames == null) {
            return;
        }
        int last = frames.size() - 1;
        List<Projection> ends = new ArrayList<>(reads.size());
        List<Integer> chains = new ArrayList<>(reads.size());
        for (Read r : reads) {
            int level = r.path.scope() < 0 ? last : r.path.scope();
            if (level > last) {
                return;
            }
            List<FieldPath.Step> steps = r.path.steps();
            Projection node = frames.get(level);
            int chain = 0;
            for (; chain < steps.size(); chain++) {
                FieldPath.Step s = steps.get(chain);
                Projection next = s instanceof FieldPath.Member m && m.index() < 0 ? node.members.get(m.name())
                        : s instanceof FieldPath.Filter f ? node.filtered.get(f) : null;
                if (next == null) {
                    break;
                }
                if (next.spine) {
                    return;
                }
                node = next;
            }
            if (chain == 0) {
                return;
            }
            node.slot = 0; // marked; numbered below in the order of the tree
            ends.add(node);
            chains.add(chain);
        }
        slots = new Projection[frames.size()][];
        for (int level = 0; level <= last; level++) {
            List<Projection> bySlot = new ArrayList<>();
            frames.get(level).number(bySlot);
            slots[level] = bySlot.toArray(new Projection[0]);
        }
        for (int i = 0; i < reads.size(); i++) {
            FieldPath path = reads.get(i).path;
            int chain = chains.get(i);
            path.slot = ends.get(i).slot;
            path.rest = chain < path.steps().size() ? path.tail(chain) : null;
            path.anyRest = chain == path.steps().size() - 1 && path.steps().get(chain) instanceof FieldPath.Any;
        }
    }

    /**
     * The frames of {@link Slots}: the root, then the elements of each {@code *} of {@code records}, its members before
     * each {@code *} marked as the way to the next; null when the records path is not runs of member names each ending
     * in {@code *}.
     */
    private List<Projection> frames(FieldPath records) {
        List<Projection> frames = new ArrayList<>(List.of(this));
        if (records == null) {
            return frames;
        }
        Projection node = this;
        FieldPath.Step previous = null;
        for (FieldPath.Step s : records.steps()) {
            if (s instanceof FieldPath.Member m && m.index() < 0) {
                node = node.members.get(m.name());
            } else if (s instanceof FieldPath.Any && previous instanceof FieldPath.Member) {
                node.spine = true;
                node = node.elements;
                frames.add(node);
            } else {
                return null;
            }
            if (node == null) {
                return null; // no read goes through the records (a definition of $0 paths alone)
            }
            previous = s;
        }
        return previous instanceof FieldPath.Any ? frames : null;
    }

    private void number(List<Projection> bySlot) {
        lo = bySlot.size();
        if (slot == 0 || filterNode) {
            slot = bySlot.size();
            bySlot.add(this);
            if (whole) {
                partial = new Projection(false);
                partial.names = names;
                partial.nameTexts = nameTexts;
                partial.byName = byName;
                partial.heads = heads;
                partial.nexts = nexts;
                partial.mask = mask;
                partial.anyMember = anyMember;
                partial.elements = elements;
            }
        }
        for (Projection child : byName) {
            if (!child.spine) {
                child.number(bySlot);
            }
        }
        for (Projection child : filters.nodes) {
            child.number(bySlot);
        }
        hi = bySlot.size();
    }

    /** A path a format reads, and whether all that is below it is needed. */
    record Read(FieldPath path, boolean whole) {
    }

    private void step(FieldPath.Step s, List<Projection> next) {
        if (s instanceof FieldPath.Member m) {
            next.add(child(m.name()));
            if (m.index() >= 0) {
                next.add(elements());
            }
        } else if (s instanceof FieldPath.Filter f) {
            Projection e = elements();
            e.child(f.key());
            next.add(e); // the projected tree's: each element, found by a walk
            next.add(filteredChild(f)); // the slots': the element it finds
        } else {
            next.add(anyMember());
            next.add(elements());
        }
    }

    private Projection child(String name) {
        return members.computeIfAbsent(name, n -> new Projection(false));
    }

    private Projection filteredChild(FieldPath.Filter f) {
        return filtered.computeIfAbsent(f, k -> {
            Projection p = new Projection(false);
            p.filterNode = true;
            return p;
        });
    }

    private Projection elements() {
        if (elements == null) {
            elements = new Projection(false);
        }
        return elements;
    }

    private Projection anyMember() {
        if (anyMember == null) {
            anyMember = new Projection(false);
        }
        return anyMember;
    }

    private void freeze() {
        names = new byte[members.size()][];
        nameTexts = new String[members.size()];
        byName = new Projection[members.size()];
        int i = 0;
        for (Map.Entry<String, Projection> e : members.entrySet()) {
            names[i] = e.getKey().getBytes(StandardCharsets.UTF_8);
            nameTexts[i] = e.getKey();
            byName[i++] = e.getValue();
            e.getValue().freeze();
        }
        heads = new int[Integer.highestOneBit(Math.max(1, names.length)) * 4];
        nexts = new int[names.length];
        mask = heads.length - 1;
        for (int k = names.length - 1; k >= 0; k--) {
            int h = hash(names[k], 0, names[k].length) & mask;
            nexts[k] = heads[h];
            heads[h] = k + 1;
        }
        if (anyMember != null) {
            anyMember.freeze();
        }
        if (elements != null) {
            elements.freeze();
        }
        filtered.values().forEach(Projection::freeze);
        filters = filtered.isEmpty() ? FilterSteps.NONE : FilterSteps.of(filtered);
    }

    boolean whole() {
        return whole;
    }

    /** Of the root: the number of slots of the line's frame, or -1 when the format is not read through slots. */
    int slotCount() {
        return slots == null ? -1 : slots[0].length;
    }

    /** Of the root read through slots: the number of frames (1 without records). */
    int frames() {
        return slots.length;
    }

    /** Of the root: the number of slots of frame {@code level}. */
    int slotCount(int level) {
        return slots[level].length;
    }

    /** Of the root: the node of slot {@code k} of frame {@code level}. */
    Projection slotNode(int level, int k) {
        return slots[level][k];
    }

    /** Whether its value's elements are the next frame's (a member of the records path before a {@code *}). */
    boolean spine() {
        return spine;
    }

    /** Of an array: its filter steps, by the member they test. */
    FilterSteps filters() {
        return filters;
    }

    /** Its slot, or -1. */
    int slot() {
        return slot;
    }

    /** The first slot of its subtree. */
    int slotsFrom() {
        return lo;
    }

    /** Past the last slot of its subtree. */
    int slotsTo() {
        return hi;
    }

    /** What a path that goes on below this node reads of it: itself, or itself without {@code whole}. */
    Projection partial() {
        return partial == null ? this : partial;
    }

    /** The index of the member kept by the name {@code name}, or -1. */
    int memberIndex(String name) {
        for (int k = 0; k < nameTexts.length; k++) {
            if (nameTexts[k].equals(name)) {
                return k;
            }
        }
        return -1;
    }

    /** What is kept below every member, whatever its name ({@code *} over an object), or null. */
    Projection anyMemberProjection() {
        return anyMember;
    }

    /** What is kept of every element of an array, or null. */
    Projection elementProjection() {
        return elements;
    }

    /** Whether any member is kept by its name. */
    boolean hasMembers() {
        return names.length > 0;
    }

    /** The index of the member kept by its name whose name is {@code b[from, to)} (plain bytes, no escape), or -1. */
    int memberIndex(byte[] b, int from, int to) {
        int n = to - from;
        for (int k = heads[hash(b, from, to) & mask] - 1; k >= 0; k = nexts[k] - 1) {
            byte[] name = names[k];
            if (name.length == n && dev.sigil.contract.codec.FastJson.equalsAt(b, from, name)) {
                return k;
            }
        }
        return -1;
    }

    /** The hash of the name {@code b[from, to)} in {@link #heads}: its length and its first and last bytes. */
    private static int hash(byte[] b, int from, int to) {
        int n = to - from;
        return n == 0 ? 0 : n * 31 + b[from] * 7 + b[to - 1];
    }

    /** What is kept below the {@code k}-th member kept by its name. */
    Projection member(int k) {
        return byName[k];
    }

    /** The name of the {@code k}-th member kept by its name (one String for every line). */
    String memberName(int k) {
        return nameTexts[k];
    }

    /** What is kept below the member {@code name}, or null. */
    Projection member(String name) {
        return whole ? WHOLE : members.get(name);
    }
}
