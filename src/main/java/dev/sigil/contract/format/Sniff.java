package dev.sigil.contract.format;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.codec.FastJson;
import dev.sigil.contract.event.Dialect;
import tools.jackson.databind.JsonNode;

/**
 * Which format one file is in, from its first lines (docs/formats.md §7): the first {@value #LINES} JSON objects, or
 * fewer when they pass {@value #BYTES} bytes. The format that recognises the most of them wins, the earlier in the
 * order on a tie; until then the choice follows the lines seen so far. A forced format needs no sniff. While every
 * line looked at is an execution entry, or an operation-log line that lacks what every other built-in format needs
 * ({@link BuiltinFormats#REQUIRED}), and there is no user format, the other formats are not asked: a log of sigil's
 * own or of seed 002 never reads the other definitions, and another producer's reads only those its lines have the
 * members of (ADR 0235). Mutable: one
 * per file, used by one thread; {@link #reset()} after the file was rotated or replaced.
 */
public final class Sniff {

    /** JSON objects looked at. */
    public static final int LINES = 32;
    /** Bytes of lines looked at, at most (a long line counts alone). */
    public static final int BYTES = 1 << 20;

    /** What one format made of the lines looked at. */
    public record Tally(FormatDefinition format, int recognised, long lineMask) {

        /** Whether the {@code i}-th line looked at (from 0) was recognised. */
        public boolean recognised(int i) {
            return (lineMask & (1L << i)) != 0;
        }
    }

    private final FormatSet set;
    private Choice choice;
    /**
     * The formats in the order lines are tried, once a line was not a native one; without user formats, a built-in
     * one is null until a line has what it needs ({@link BuiltinFormats#mayBe}), and its definition is read then.
     */
    private FormatDefinition[] order;
    private int[] counts;
    private long[] masks;
    private int lines;
    private long bytes;
    /** Lines looked at before the other formats were asked: execution entries (counted for sigil) and lines only an operation log can be. */
    private int entriesOnly;
    private long entriesMask;
    private int opsOnly;
    private long opsMask;

    /** Asks every format about every line (to explain a choice), not only once a line is not an execution entry. */
    private final boolean thorough;

    Sniff(FormatSet set, boolean thorough) {
        this.set = set;
        this.thorough = thorough;
        reset();
    }

    /** Starts over (the file was rotated, truncated or replaced). */
    public void reset() {
        choice = set.initial();
        order = null;
        counts = null;
        masks = null;
        lines = 0;
        bytes = 0;
        entriesOnly = 0;
        entriesMask = 0;
        opsOnly = 0;
        opsMask = 0;
    }

    /** Whether enough lines were looked at (or a format is forced): the choice no longer changes. */
    public boolean settled() {
        return choice.forced() || lines >= LINES || bytes >= BYTES;
    }

    /** Looks at one line of the file, a JSON object of {@code length} bytes. */
    public void offer(JsonNode line, int length) {
        if (settled() || line == null || !line.isObject()) {
            return;
        }
        if (nativesOnly() && natives(line)) {
            countNative(length);
            return;
        }
        if (order == null) {
            boolean oneByOne = !thorough && set.user().isEmpty();
            order = oneByOne ? new FormatDefinition[BuiltinFormats.NAMES.size()] : choice.order().toArray(new FormatDefinition[0]);
            counts = new int[order.length];
            masks = new long[order.length];
            int first = set.user().size(); // sigil's, the first built-in format
            counts[first] = entriesOnly;
            masks[first] = entriesMask;
            int ops = first + BuiltinFormats.NAMES.indexOf("operation-log");
            counts[ops] = opsOnly;
            masks[ops] = opsMask;
        }
        int best = -1;
        for (int i = 0; i < order.length; i++) {
            if (order[i] == null && BuiltinFormats.mayBe(BuiltinFormats.NAMES.get(i), line)) {
                order[i] = BuiltinFormats.get(i);
            }
            if (order[i] != null && order[i].recognises(line)) {
                counts[i]++;
                masks[i] |= 1L << lines;
            }
            if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
                best = i;
            }
        }
        lines++;
        bytes += length;
        choice = choice.withFirst(best < 0 ? null : format(best));
    }

    /**
     * Looks at one line from its bytes {@code b[from, to)} (no leading NULs or byte order mark), as {@link #offer}
     * would once the line is parsed, when the bytes are enough: while every line looked at was read by the native
     * formats alone, a line they read alone too (ADR 0230). Returns false when the line is still to be offered as a
     * tree: the other formats are being asked, or the bytes do not say for sure. {@code scan} is the caller's
     * scanner (one per thread).
     */
    public boolean offer(byte[] b, int from, int to, FastJson scan) {
        if (settled()) {
            return true;
        }
        if (!nativesOnly()) {
            return false;
        }
        Dialect dialect = NativeDialects.fromBytes(b, from, to, scan);
        if (dialect == null) {
            return false;
        }
        count(dialect);
        countNative(to - from);
        return true;
    }

    /** Whether the other formats have not been asked yet, and need not be while the lines are native. */
    private boolean nativesOnly() {
        return order == null && !thorough && set.user().isEmpty();
    }

    private void countNative(int length) {
        lines++;
        bytes += length;
        // sigil, first in the order, reads the entries: "every format in order" unless operation-log lines are more
        choice = choice.withFirst(opsOnly > entriesOnly ? BuiltinFormats.operationLog() : null);
    }

    /**
     * Counts a line that the native formats read without the others being asked: an execution entry, or a line only
     * an operation log can be (it lacks what every other built-in format needs); false for any other line.
     */
    private boolean natives(JsonNode line) {
        if (NativeDialects.recognises(Dialect.EXECUTION_ENTRY, line)) {
            count(Dialect.EXECUTION_ENTRY);
            return true;
        }
        if (NativeDialects.recognises(Dialect.OPERATION_LOG, line) && BuiltinFormats.onlyOperationLog(line)) {
            count(Dialect.OPERATION_LOG);
            return true;
        }
        return false;
    }

    /** The {@code i}-th format of the order, its definition read now if it was not yet. */
    private FormatDefinition format(int i) {
        if (order[i] == null) {
            order[i] = BuiltinFormats.get(i);
        }
        return order[i];
    }

    private void count(Dialect dialect) {
        if (dialect == Dialect.EXECUTION_ENTRY) {
            entriesOnly++;
            entriesMask |= 1L << lines;
        } else {
            opsOnly++;
            opsMask |= 1L << lines;
        }
    }

    /** How the file's lines are read now. */
    public Choice choice() {
        return choice;
    }

    /** The lines looked at. */
    public int lines() {
        return lines;
    }

    /** What each format made of the lines looked at, in the order lines are tried (empty before any line). */
    public List<Tally> tallies() {
        List<Tally> out = new ArrayList<>();
        if (order != null) {
            for (int i = 0; i < order.length; i++) {
                out.add(new Tally(format(i), counts[i], masks[i]));
            }
        }
        return out;
    }
}
