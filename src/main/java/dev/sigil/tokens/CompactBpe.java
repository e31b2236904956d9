package dev.sigil.tokens;

import com.knuddels.jtokkit.api.IntArrayList;

/**
 * cl100k_base's byte-pair encoding over {@link CompactRanks}, for short inputs (ADR 0265): it counts or encodes a
 * text, or declines when the text holds a pre-token of {@link #LONGEST_PIECE} bytes or more (jtokkit merges those
 * with another algorithm; {@link TokenCounter} then uses jtokkit). Each pre-token ({@link Cl100kPieces}) is one token
 * if its bytes are one, else its bytes are merged as tiktoken does: the adjacent pair of lowest rank, the leftmost of
 * equals, until no pair is a token. Thread-safe; no state but the ranks.
 */
final class CompactBpe {

    /** Pre-tokens of this many UTF-8 bytes or more decline: jtokkit's threshold for its other merging algorithm. */
    static final int LONGEST_PIECE = 500;

    private static final int NONE = Integer.MAX_VALUE;

    private final CompactRanks ranks;

    CompactBpe(CompactRanks ranks) {
        this.ranks = ranks;
    }

    /** The number of tokens of {@code text} (well-formed UTF-16), or -1 to decline. */
    int count(String text) {
        return run(text, null);
    }

    /** The token ids of {@code text} (well-formed UTF-16), or null to decline. */
    IntArrayList encode(String text) {
        IntArrayList ids = new IntArrayList();
        return run(text, ids) < 0 ? null : ids;
    }

    /** The buffers of one call (so that calls on several threads share nothing). */
    private static final class Work {
        byte[] bytes = new byte[64];
        int[] starts = new int[64];
        int[] pairRanks = new int[64];
    }

    private int run(String text, IntArrayList out) {
        Work w = new Work();
        int tokens = 0;
        for (int start = 0; start < text.length(); ) {
            int end = Cl100kPieces.end(text, start);
            int length = utf8(text, start, end, w);
            if (length >= LONGEST_PIECE) {
                return -1;
            }
            tokens += merge(w, length, out);
            start = end;
        }
        return tokens;
    }

    /** The tokens of the pre-token in {@code w.bytes[0, length)}, added to {@code out} unless it is null. */
    private int merge(Work w, int length, IntArrayList out) {
        byte[] b = w.bytes;
        int whole = ranks.rank(b, 0, length);
        if (whole >= 0) {
            if (out != null) {
                out.add(whole);
            }
            return 1;
        }
        if (w.starts.length <= length) {
            w.starts = new int[length + 1];
            w.pairRanks = new int[length + 1];
        }
        int[] starts = w.starts;
        int[] pair = w.pairRanks;
        int parts = length + 1; // boundaries, the end included; pair[i] merges the parts i and i + 1
        for (int i = 0; i < parts; i++) {
            starts[i] = i;
            pair[i] = i + 2 <= length ? rankOf(b, i, i + 2) : NONE;
        }
        while (true) {
            int at = -1;
            int lowest = NONE;
            for (int i = 0; i < parts - 2; i++) {
                if (pair[i] < lowest) {
                    lowest = pair[i];
                    at = i;
                }
            }
            if (at < 0) {
                break;
            }
            System.arraycopy(starts, at + 2, starts, at + 1, parts - at - 2);
            System.arraycopy(pair, at + 2, pair, at + 1, parts - at - 2);
            parts--;
            pair[at] = at + 2 < parts ? rankOf(b, starts[at], starts[at + 2]) : NONE;
            if (at > 0) {
                pair[at - 1] = rankOf(b, starts[at - 1], starts[at + 1]);
            }
        }
        if (out != null) {
            for (int k = 0; k + 1 < parts; k++) {
                out.add(ranks.rank(b, starts[k], starts[k + 1] - starts[k]));
            }
        }
        return parts - 1;
    }

    private int rankOf(byte[] b, int from, int to) {
        int r = ranks.rank(b, from, to - from);
        return r < 0 ? NONE : r;
    }

    /** Writes the UTF-8 bytes of {@code text[start, end)} to {@code w.bytes}; returns their number. */
    private static int utf8(String text, int start, int end, Work w) {
        if (w.bytes.length < 3 * (end - start)) {
            w.bytes = new byte[3 * (end - start)];
        }
        byte[] b = w.bytes;
        int n = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xc0 | c >> 6);
                b[n++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c)) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                b[n++] = (byte) (0xf0 | cp >> 18);
                b[n++] = (byte) (0x80 | cp >> 12 & 0x3f);
                b[n++] = (byte) (0x80 | cp >> 6 & 0x3f);
                b[n++] = (byte) (0x80 | cp & 0x3f);
            } else {
                b[n++] = (byte) (0xe0 | c >> 12);
                b[n++] = (byte) (0x80 | c >> 6 & 0x3f);
                b[n++] = (byte) (0x80 | c & 0x3f);
            }
        }
        return n;
    }
}
