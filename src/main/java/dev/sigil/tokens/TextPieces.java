package dev.sigil.tokens;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a long text into pieces whose token counts add up to the count of the whole, so that they can be counted on
 * several cores (ADR 0043). A cut goes just after a lone line feed between a character that is not whitespace and a
 * letter or digit ({@code x\nY}): in the pre-tokenizing patterns of every encoding sigil knows, such a line feed is
 * a pre-token of its own or ends the punctuation before it, and the letter or digit after it starts a new one, both
 * in the whole text and at the end of a piece, where the patterns that look ahead ({@code \s+(?!\S)},
 * {@code \s++$}) take the same single line feed. Byte-pair merges never cross pre-tokens, so the counts add up;
 * {@code TextPiecesProperties} checks it against jtokkit's count of the whole text for all four encodings, and the
 * benchmark's equal counts against tiktoken. Pure.
 */
final class TextPieces {

    private TextPieces() {
    }

    /** At most {@code parts} pieces of {@code text}, cut only at such places; one piece if there is none. */
    static List<String> split(String text, int parts) {
        List<String> pieces = new ArrayList<>(parts);
        int from = 0;
        for (int cut : cuts(text, parts)) {
            pieces.add(text.substring(from, cut));
            from = cut;
        }
        pieces.add(text.substring(from));
        return pieces;
    }

    /** The places where {@link #split} cuts, in order (at most {@code parts - 1}). */
    static int[] cuts(String text, int parts) {
        int[] cuts = new int[Math.max(0, parts - 1)];
        int n = 0;
        int from = 0;
        for (int k = 1; k < parts; k++) {
            int cut = cutNear(text, Math.max(from + 1, (int) ((long) text.length() * k / parts)));
            if (cut < 0) {
                break;
            }
            cuts[n++] = cut;
            from = cut;
        }
        return java.util.Arrays.copyOf(cuts, n);
    }

    /** The first place at or after {@code at} just after such a line feed, or -1. */
    static int cutNear(String text, int at) {
        for (int i = Math.max(2, at); i < text.length(); i++) {
            char before = text.charAt(i - 2);
            char after = text.charAt(i);
            if (text.charAt(i - 1) == '\n' && Character.isLetterOrDigit(after) && !Character.isSurrogate(after)
                    && !Character.isWhitespace(before) && !Character.isSpaceChar(before)) {
                return i;
            }
        }
        return -1;
    }
}
