package dev.sigil.validate;

import dev.sigil.contract.Heap;

/**
 * What to say about a line that needed more memory than the JVM has: reading a line builds its whole value, which
 * for a line of many small values takes several times the line's size, so a heap smaller than a few times the line
 * bound can run out on a line within the bound. Such a line is reported and skipped, never a crash.
 */
public final class LineMemory {

    private LineMemory() {
    }

    public static String describe(long lineBytes) {
        return "line of " + lineBytes + " bytes needs more memory than the JVM's heap of " + Heap.mib()
                + " MiB; skipped (give Java more memory, e.g. " + Heap.advice() + ", or lower --max-line-bytes)";
    }
}
