package dev.sigil.monitor.state;

/** Saturating arithmetic for counters: a sum of tokens never wraps around to a negative number. */
final class Counts {

    private Counts() {
    }

    static long add(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return r < 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return r;
    }
}
