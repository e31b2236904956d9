package dev.sigil.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.IntArrayList;

/**
 * Counts (or encodes) a text in pieces of bounded size where it holds long pre-tokens, with the result of the whole
 * (ADR 0066). Byte-pair encoding a pre-token costs jtokkit about 200 bytes of memory per byte; a step output of
 * 16 MiB without a space is one pre-token. So long runs ({@link LongRuns}) are cut every {@link #PIECE} characters,
 * and each cut is kept only once it is proven harmless: with the last tokens of the piece before it and the first
 * tokens of the piece after it, re-encoding the two together ({@code W}) must give the same tokens. That makes the
 * token pair at the cut one that byte-pair merging never joins, and then no merge of the whole run crosses the cut
 * either (ADR 0066 gives the argument), so the pieces' tokens are the whole's. A cut that fails the check moves on
 * by a character and is tried again; one that never passes is dropped. Free cuts ({@link TextPieces}: places where
 * every pattern splits) need no check and spread long texts over the cores. Thread-safe; no state.
 */
final class RunCuts {

    /** Runs shorter than this are left whole: encoding them costs at most a few MiB. */
    static final int MIN_RUN = 8 << 10;
    /** Characters of a run per piece. */
    static final int PIECE = 4 << 10;
    /** Tokens at each end of a piece kept for the checks. */
    private static final int EDGE = 8;
    /** Positions a failing cut is tried at before it is dropped. */
    private static final int TRIES = 64;

    private final Encoding bpe;
    private final boolean casedLetters;
    private final int minRun;
    private final int pieceChars;

    RunCuts(Encoding bpe, boolean casedLetters) {
        this(bpe, casedLetters, MIN_RUN, PIECE);
    }

    /** With other sizes: tests cut short runs into many small pieces. */
    RunCuts(Encoding bpe, boolean casedLetters, int minRun, int pieceChars) {
        this.bpe = bpe;
        this.casedLetters = casedLetters;
        this.minRun = minRun;
        this.pieceChars = pieceChars;
    }

    /** A cut at {@code at}; a checked one lies inside {@code run}, a free one has none. */
    private static final class Cut {
        int at;
        final LongRuns.Run run;
        int tries;
        boolean proven;

        Cut(int at, LongRuns.Run run) {
            this.at = at;
            this.run = run;
            this.proven = run == null;
        }
    }

    /** What a piece gave: its count and, if a checked cut touches it, its first and last tokens. */
    private record Piece(int count, int[] head, int[] tail) {
    }

    /** The number of tokens of {@code text}, which holds no unpaired surrogate. */
    int count(String text, int freeParts) {
        List<Cut> cuts = cuts(text, freeParts);
        if (cuts.isEmpty()) {
            return bpe.countTokensOrdinary(text);
        }
        List<Piece> pieces = settle(text, cuts);
        return pieces.stream().mapToInt(Piece::count).sum();
    }

    /** The token ids of {@code text}, which holds no unpaired surrogate. */
    IntArrayList encode(String text) {
        List<Cut> cuts = cuts(text, 1);
        if (cuts.isEmpty()) {
            return bpe.encodeOrdinary(text);
        }
        settle(text, cuts);
        IntArrayList all = new IntArrayList();
        for (int i = 0; i <= cuts.size(); i++) {
            IntArrayList ids = bpe.encodeOrdinary(text.substring(start(cuts, i), end(cuts, i, text)));
            for (int k = 0; k < ids.size(); k++) {
                all.add(ids.get(k));
            }
        }
        return all;
    }

    /** Free cuts for {@code freeParts} pieces, and candidate cuts every {@code pieceChars} characters inside long runs. */
    private List<Cut> cuts(String text, int freeParts) {
        List<Cut> cuts = new ArrayList<>();
        for (int at : freeParts > 1 ? TextPieces.cuts(text, freeParts) : new int[0]) {
            cuts.add(new Cut(at, null));
        }
        if (text.length() >= minRun) {
            for (LongRuns.Run run : LongRuns.find(text, casedLetters, minRun)) {
                for (int at = run.start() + pieceChars; at <= run.end() - pieceChars / 2; at += pieceChars) {
                    cuts.add(new Cut(at, run));
                }
            }
        }
        cuts.sort((a, b) -> Integer.compare(a.at, b.at));
        return cuts;
    }

    /** Encodes every piece, then checks, moves or drops checked cuts until all that are left are proven. */
    private List<Piece> settle(String text, List<Cut> cuts) {
        List<Piece> pieces = new ArrayList<>(IntStream.rangeClosed(0, cuts.size()).parallel()
                .mapToObj(i -> piece(text, cuts, i)).toList());
        boolean open = true;
        while (open) {
            open = false;
            for (int i = 0; i < cuts.size(); i++) {
                Cut cut = cuts.get(i);
                if (cut.proven || holds(text, cut, pieces.get(i), pieces.get(i + 1))) {
                    cut.proven = true;
                    continue;
                }
                open = true;
                int next = cut.at + 1;
                if (++cut.tries < TRIES && next <= cut.run.end() - 2 && next < end(cuts, i + 1, text) - 1) {
                    cut.at = next;
                    pieces.set(i, piece(text, cuts, i));
                    pieces.set(i + 1, piece(text, cuts, i + 1));
                    unprove(cuts, i + 1);
                } else {
                    cuts.remove(i);
                    pieces.remove(i + 1);
                    pieces.set(i, piece(text, cuts, i));
                    unprove(cuts, i);
                }
                // The pieces next to the cut changed: the cut before it is checked again too.
                unprove(cuts, i - 1);
                i--;
            }
        }
        return pieces;
    }

    private static void unprove(List<Cut> cuts, int i) {
        if (i >= 0 && i < cuts.size() && cuts.get(i).run != null) {
            cuts.get(i).proven = false;
        }
    }

    private static int start(List<Cut> cuts, int piece) {
        return piece == 0 ? 0 : cuts.get(piece - 1).at;
    }

    private static int end(List<Cut> cuts, int piece, String text) {
        return piece == cuts.size() ? text.length() : cuts.get(piece).at;
    }

    private Piece piece(String text, List<Cut> cuts, int i) {
        String s = text.substring(start(cuts, i), end(cuts, i, text));
        boolean checked = (i > 0 && cuts.get(i - 1).run != null) || (i < cuts.size() && cuts.get(i).run != null);
        if (!checked) {
            return new Piece(bpe.countTokensOrdinary(s), null, null);
        }
        IntArrayList ids = bpe.encodeOrdinary(s);
        int n = ids.size();
        int[] head = new int[Math.min(EDGE, n)];
        int[] tail = new int[Math.min(EDGE, n)];
        for (int k = 0; k < head.length; k++) {
            head[k] = ids.get(k);
            tail[k] = ids.get(n - tail.length + k);
        }
        return new Piece(n, head, tail);
    }

    /** The edge tokens next to a cut that cover whole characters: up to {@code pos}, {@code tokens} of them. */
    private record Edge(int pos, int tokens) {
    }

    /**
     * Whether the cut is harmless: the fewest last tokens of the left piece and first tokens of the right piece that
     * each cover whole characters of the run, encoded together, give those same tokens.
     */
    private boolean holds(String text, Cut cut, Piece left, Piece right) {
        Edge before = edge(text, cut.at, left.tail(), true, cut.run);
        Edge after = edge(text, cut.at, right.head(), false, cut.run);
        if (before == null || after == null) {
            return false;
        }
        IntArrayList window = bpe.encodeOrdinary(text.substring(before.pos(), after.pos()));
        if (window.size() != before.tokens() + after.tokens()) {
            return false;
        }
        int[] tail = left.tail();
        for (int k = 0; k < before.tokens(); k++) {
            if (window.get(k) != tail[tail.length - before.tokens() + k]) {
                return false;
            }
        }
        for (int k = 0; k < after.tokens(); k++) {
            if (window.get(before.tokens() + k) != right.head()[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The fewest edge tokens next to {@code at} that end on a character boundary inside the run: going left
     * ({@code backwards}) over the left piece's last tokens, or right over the right piece's first ones; null if none
     * of the edge tokens does.
     */
    private Edge edge(String text, int at, int[] tokens, boolean backwards, LongRuns.Run run) {
        long tokenBytes = 0;
        long charBytes = 0;
        int pos = at;
        for (int k = 0; k < tokens.length; k++) {
            tokenBytes += tokenBytes(tokens[backwards ? tokens.length - 1 - k : k]);
            while (charBytes < tokenBytes) {
                if (backwards ? pos <= run.start() : pos >= run.end()) {
                    return null;
                }
                charBytes += utf8Length(text.charAt(backwards ? --pos : pos++));
            }
            if (charBytes == tokenBytes) {
                return new Edge(pos, k + 1);
            }
        }
        return null;
    }

    private int tokenBytes(int token) {
        IntArrayList one = new IntArrayList(1);
        one.add(token);
        return bpe.decodeBytes(one).length;
    }

    private static int utf8Length(char c) {
        return c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
}
