package dev.sigil.tokens;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the long runs of one kind of character where a text may be cut inside a pre-token and each side counted on
 * its own, if the cut is then verified ({@link RunCuts}; ADR 0066): letters (for o200k only those its pattern takes
 * as lower case, since it splits at a change of case), punctuation and symbols, and plain spaces that follow a
 * character that is not whitespace. Combining marks are none of these: o200k's pattern takes them both as letters and
 * as punctuation, so where a run of them belongs depends on what comes before it. In each of the four pre-tokenizing
 * patterns such a run is one pre-token from the place of a cut to its end, both in the whole text and in the piece
 * that starts at the cut, and the piece before the cut ends with the rest of it; what is left to check is only the
 * byte-pair merges across the cut. Pure.
 */
final class LongRuns {

    /** Kinds of run. */
    static final int NONE = 0;
    static final int LETTERS = 1;
    static final int PUNCTUATION = 2;
    static final int SPACES = 3;

    /** A run of {@code kind} over {@code text[start, end)}. */
    record Run(int start, int end, int kind) {
    }

    private LongRuns() {
    }

    /** The kind of {@code c} for an encoding whose letter pattern splits at case changes (o200k) or not. */
    static int kind(char c, boolean casedLetters) {
        if (c < 0x80) {
            if (c >= 'a' && c <= 'z') {
                return LETTERS;
            }
            if (c >= 'A' && c <= 'Z') {
                return casedLetters ? NONE : LETTERS;
            }
            if (c == ' ') {
                return SPACES;
            }
            // Not the quote (contractions) nor, for o200k, the slash, which its pattern also takes after a newline.
            return c > ' ' && c < 0x7F && c != '\'' && !(c == '/' && casedLetters) && !Character.isDigit(c) ? PUNCTUATION : NONE;
        }
        if (Character.isSurrogate(c)) {
            return NONE;
        }
        return switch (Character.getType(c)) {
            case Character.LOWERCASE_LETTER, Character.MODIFIER_LETTER, Character.OTHER_LETTER -> LETTERS;
            case Character.UPPERCASE_LETTER, Character.TITLECASE_LETTER -> casedLetters ? NONE : LETTERS;
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                 Character.OTHER_SYMBOL -> PUNCTUATION;
            default -> NONE;
        };
    }

    /**
     * The runs of at least {@code minLength} characters of one kind, in order. Looks at every {@code minLength / 2}-th
     * character first, so that text without long runs costs little: a run that long holds two such characters.
     */
    static List<Run> find(String text, boolean casedLetters, int minLength) {
        List<Run> runs = new ArrayList<>();
        int stride = Math.max(1, minLength / 2);
        int n = text.length();
        int i = 0;
        while (i + stride < n) {
            int kind = kind(text.charAt(i), casedLetters);
            if (kind != NONE && kind(text.charAt(i + stride), casedLetters) == kind && allOf(text, i, i + stride, kind, casedLetters)) {
                int start = i;
                while (start > 0 && kind(text.charAt(start - 1), casedLetters) == kind) {
                    start--;
                }
                int end = i + stride + 1;
                while (end < n && kind(text.charAt(end), casedLetters) == kind) {
                    end++;
                }
                if (end - start >= minLength && (kind != SPACES || start == 0 || !whitespace(text.charAt(start - 1)))) {
                    runs.add(new Run(start, end, kind));
                }
                i = (end / stride + 1) * stride;
                continue;
            }
            i += stride;
        }
        return runs;
    }

    private static boolean allOf(String text, int from, int to, int kind, boolean casedLetters) {
        for (int j = from + 1; j < to; j++) {
            if (kind(text.charAt(j), casedLetters) != kind) {
                return false;
            }
        }
        return true;
    }

    /** Whitespace by any of the patterns' definitions (Java's, Unicode's). */
    static boolean whitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
