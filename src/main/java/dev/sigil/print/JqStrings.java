package dev.sigil.print;

import dev.sigil.contract.codec.ByteSink;
import dev.sigil.contract.codec.FastJson;

/**
 * The characters of a JSON string literal as UTF-8, the way jq holds them: escapes decoded, a {@code \}{@code u}
 * escape pair forming a surrogate pair as one character, a lone surrogate as U+FFFD ({@link JqText#wellFormed}).
 * Pure.
 */
final class JqStrings {

    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private JqStrings() {
    }

    /**
     * Appends the characters of the literal whose content (without quotes) is {@code b[from, to)}; the content must be
     * valid UTF-8 with valid escapes (as {@link FastJson#string} checked).
     */
    static void appendUnescaped(byte[] b, int from, int to, ByteSink out) {
        int i = from;
        while (i < to) {
            byte c = b[i];
            if (c != '\\') {
                int run = i;
                while (run < to && b[run] != '\\') {
                    run++;
                }
                out.write(b, i, run - i);
                i = run;
                continue;
            }
            byte e = b[i + 1];
            if (e != 'u') {
                out.write(switch (e) {
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> e; // " \ /
                });
                i += 2;
                continue;
            }
            int unit = unit(b, i + 2);
            i += 6;
            if (Character.isHighSurrogate((char) unit) && i + 6 <= to && b[i] == '\\' && b[i + 1] == 'u'
                    && Character.isLowSurrogate((char) unit(b, i + 2))) {
                appendCodePoint(Character.toCodePoint((char) unit, (char) unit(b, i + 2)), out);
                i += 6;
            } else if (Character.isSurrogate((char) unit)) {
                out.write(REPLACEMENT, 0, 3);
            } else {
                appendCodePoint(unit, out);
            }
        }
    }

    private static int unit(byte[] b, int at) {
        return FastJson.hex(b[at]) << 12 | FastJson.hex(b[at + 1]) << 8 | FastJson.hex(b[at + 2]) << 4 | FastJson.hex(b[at + 3]);
    }

    static void appendCodePoint(int cp, ByteSink out) {
        if (cp < 0x80) {
            out.write(cp);
        } else if (cp < 0x800) {
            out.write(0xC0 | cp >> 6);
            out.write(0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            out.write(0xE0 | cp >> 12);
            out.write(0x80 | cp >> 6 & 0x3F);
            out.write(0x80 | cp & 0x3F);
        } else {
            out.write(0xF0 | cp >> 18);
            out.write(0x80 | cp >> 12 & 0x3F);
            out.write(0x80 | cp >> 6 & 0x3F);
            out.write(0x80 | cp & 0x3F);
        }
    }
}
