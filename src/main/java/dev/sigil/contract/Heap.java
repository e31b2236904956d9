package dev.sigil.contract;

/**
 * What to tell a user whose input needed more memory than the JVM's heap: how large the heap is, and a heap to ask
 * for instead that is larger than the current one (the advice of every out-of-memory message, so that it never
 * suggests less than what was already given).
 */
public final class Heap {

    private Heap() {
    }

    /** The heap's bound in MiB (what {@code -Xmx} gave, or the JVM's default). */
    public static long mib() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    /**
     * A {@code -Xmx} option at least twice the heap of {@code currentMib} MiB: a power of two, in {@code g} from 1 GiB
     * ({@code -Xmx128m} for 61 MiB, {@code -Xmx4g} for 1,979 MiB).
     */
    public static String largerOption(long currentMib) {
        long want = Long.highestOneBit(Math.max(32, currentMib) * 2 - 1) << 1;
        return want >= 1024 ? "-Xmx" + (want >> 10) + "g" : "-Xmx" + want + "m";
    }

    /** "the JVM's heap of N MiB is too small; give it more, e.g. SIGIL_JAVA_OPTS=-Xmx...": the end of every such message. */
    public static String tooSmall() {
        return "the JVM's heap of " + mib() + " MiB is too small; give it more, e.g. " + advice();
    }

    /** How to start sigil with more memory than now: {@code SIGIL_JAVA_OPTS=-Xmx...}. */
    public static String advice() {
        return "SIGIL_JAVA_OPTS=" + largerOption(mib());
    }
}
