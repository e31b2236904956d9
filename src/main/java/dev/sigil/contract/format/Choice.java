package dev.sigil.contract.format;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.sigil.contract.event.Dialect;
import tools.jackson.databind.JsonNode;

/**
 * How the lines of one file are read at a given moment: the format the file was found to be in (or was forced to)
 * tried first, then, unless it was forced, every other format in order (a mixed file still reads). Immutable and
 * thread-safe: the decoding threads share it.
 */
public final class Choice {

    private final FormatDefinition first;
    private final boolean forced;
    private final List<FormatDefinition> user;
    private final Supplier<List<FormatDefinition>> builtIns;
    /** {@link #order()}, made on first need. */
    private volatile List<FormatDefinition> order;

    Choice(FormatDefinition first, boolean forced, List<FormatDefinition> user, Supplier<List<FormatDefinition>> builtIns) {
        this.first = first;
        this.forced = forced;
        this.user = user;
        this.builtIns = builtIns;
    }

    /** The format tried first: found or forced; null before anything was found. */
    public FormatDefinition first() {
        return first;
    }

    /** Whether only the first format reads the file. */
    public boolean forced() {
        return forced;
    }

    /**
     * Whether a line with a string {@code event_type} is certainly read by the built-in {@code sigil} format, so that
     * the hand-written fast paths may answer for it (no user format and no other format is tried before it).
     */
    public boolean executionEntriesFirst() {
        if (first == null) {
            return user.isEmpty() && !forced;
        }
        if (!first.nativeDecoder()) {
            return false;
        }
        return first.dialect() == Dialect.EXECUTION_ENTRY || !forced && user.isEmpty();
    }

    /**
     * Whether a seed-002 operation-log line is certainly read by the built-in {@code operation-log} format, and an
     * execution entry by {@code sigil} (the file was found to be an operation log; not when it is forced to be one).
     */
    public boolean operationLogsFirst() {
        return first != null && !forced && first.nativeDecoder() && first.dialect() == Dialect.OPERATION_LOG;
    }

    /** The events of {@code line} by the first format that recognises it, or null when none does. */
    public List<Mapped> read(JsonNode line) {
        if (first != null) {
            List<Mapped> m = first.read(line);
            if (m != null || forced) {
                return m;
            }
        }
        for (FormatDefinition f : order()) {
            if (f != first) {
                List<Mapped> m = f.read(line);
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }

    /** Every format in the order lines are tried after the first: the user's, then the built-in ones. */
    List<FormatDefinition> order() {
        List<FormatDefinition> o = order;
        if (o == null) {
            List<FormatDefinition> all = new ArrayList<>(user);
            all.addAll(builtIns.get());
            o = List.copyOf(all);
            order = o;
        }
        return o;
    }

    Choice withFirst(FormatDefinition f) {
        return f == first ? this : new Choice(f, forced, user, builtIns);
    }
}
