package dev.sigil.tokens;

/**
 * Where cl100k_base's pre-tokens end: the pieces of text that byte-pair merges stay inside. tiktoken's pattern is
 * {@code '(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]++[\r\n]*|\s*[\r\n]|\s+(?!\S)|\s+};
 * this is that pattern as a scan, with the character classes of jtokkit 1.1.0's own cl100k scanner (which the compat
 * tests hold to tiktoken): letters and numbers by {@link Character#getType}, up to the last code point the JDK's
 * tables had when jtokkit was written, and tiktoken's white space. {@code CompactBpeProperties} checks the tokens
 * against jtokkit's. Pure; the text must hold no unpaired surrogate.
 */
final class Cl100kPieces {

    /** The letters {@code '} takes as a contraction of one letter ({@code 's}, {@code 'T}; ſ is s in any case). */
    private static final String SHORT_CONTRACTIONS = "sdtmSDTM\u017f";
    private static final int LAST_LETTER = 0x323af;
    private static final int LAST_NUMBER = 0x1fbf9;

    private Cl100kPieces() {
    }

    /** The end (exclusive) of the pre-token that starts at {@code start} ({@code start < text.length()}). */
    static int end(String text, int start) {
        int n = text.length();
        int c0 = text.codePointAt(start);
        int next = start + Character.charCount(c0);
        int c1 = next < n ? text.codePointAt(next) : -1;
        if (c0 == '\'' && c1 > 0) {
            if (SHORT_CONTRACTIONS.indexOf(c1) >= 0) {
                return start + 2;
            }
            if (start + 2 < n && longContraction(c1, text.codePointAt(start + 2))) {
                return start + 3;
            }
        }
        if (letter(c0) || (prefix(c0) && letter(c1))) {
            return letter(c1) ? whileLetters(text, next) : next;
        }
        if (number(c0)) {
            return numbers(text, next, c1);
        }
        if (punctuation(c0) || (c0 == ' ' && punctuation(c1))) {
            int end = next;
            if (punctuation(c1)) {
                end = whilePunctuation(text, next);
            }
            while (end < n && (text.charAt(end) == '\r' || text.charAt(end) == '\n')) {
                end++;
            }
            return end;
        }
        return whiteSpace(text, start, c0, next, c1);
    }

    /** {@code \p{N}{1,3}}: {@code c0} is a number, {@code c1} the code point at {@code next}. */
    private static int numbers(String text, int next, int c1) {
        if (!number(c1)) {
            return next;
        }
        int end = next + Character.charCount(c1);
        if (end < text.length()) {
            int c2 = text.codePointAt(end);
            if (number(c2)) {
                end += Character.charCount(c2);
            }
        }
        return end;
    }

    /**
     * A run of white space: up to its last line feed or carriage return if white space follows that ({@code \s*[\r\n]});
     * otherwise the whole run, but its last character when a run of two or more is followed by something else, for
     * that to start the next pre-token ({@code \s+(?!\S)}).
     */
    private static int whiteSpace(String text, int start, int c0, int next, int c1) {
        int n = text.length();
        int lastNewline = newline(c0) ? start : -1;
        int end = next;
        boolean longRun = whiteSpace(c1);
        if (longRun) {
            while (end < n && whiteSpace(text.charAt(end))) {
                if (newline(text.charAt(end))) {
                    lastNewline = end;
                }
                end++;
            }
        }
        if (lastNewline >= 0) {
            return lastNewline + 1 < end ? lastNewline + 1 : end;
        }
        return longRun && end < n ? end - 1 : end;
    }

    private static int whileLetters(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (!letter(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    private static int whilePunctuation(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (!punctuation(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    private static boolean longContraction(int a, int b) {
        int x = Character.toUpperCase(a);
        int y = Character.toUpperCase(b);
        return (x == 'L' && y == 'L') || (x == 'V' && y == 'E') || (x == 'R' && y == 'E');
    }

    static boolean letter(int c) {
        if (c < 0xaa) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        return c <= LAST_LETTER && letterType(Character.getType(c));
    }

    static boolean number(int c) {
        if (c < 0xb2) {
            return c >= '0' && c <= '9';
        }
        return c <= LAST_NUMBER && numberType(Character.getType(c));
    }

    private static boolean letterOrNumber(int c) {
        if (c < 0xaa) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        if (c > LAST_LETTER) {
            return false;
        }
        int type = Character.getType(c);
        return letterType(type) || numberType(type);
    }

    private static boolean letterType(int type) {
        return type == Character.UPPERCASE_LETTER || type == Character.LOWERCASE_LETTER || type == Character.TITLECASE_LETTER
                || type == Character.MODIFIER_LETTER || type == Character.OTHER_LETTER;
    }

    private static boolean numberType(int type) {
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** tiktoken's {@code \s}: the ASCII controls tab to carriage return, space, U+0085, U+00A0 and Unicode's spaces. */
    static boolean whiteSpace(int c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }
        if (c < 0x85) {
            return false;
        }
        return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029
                || c == 0x202f || c == 0x205f || c == 0x3000;
    }

    private static boolean newline(int c) {
        return c == '\r' || c == '\n';
    }

    /** {@code [^\s\p{L}\p{N}]} (-1, the end of the text, is none). */
    private static boolean punctuation(int c) {
        return c >= 0 && !whiteSpace(c) && !letterOrNumber(c);
    }

    /** {@code [^\r\n\p{L}\p{N}]}, the character a word may start with. */
    private static boolean prefix(int c) {
        return c >= 0 && !newline(c) && !letterOrNumber(c);
    }
}
