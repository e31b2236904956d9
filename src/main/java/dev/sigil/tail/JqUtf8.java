package dev.sigil.tail;

import java.io.ByteArrayOutputStream;

/**
 * Replaces invalid UTF-8 with U+FFFD exactly as jq does when it reads a raw line ({@code jvp_utf8_next} in jq 1.6
 * to 1.8), so that {@code sigil tail} and {@code scripts/file_monitor.sh} show the same characters for the same
 * broken bytes.
 *
 * <p>jq's rules differ from Java's decoder (and from the Unicode "maximal subpart" practice): a lead byte whose
 * continuation bytes are missing becomes one U+FFFD for the bytes seen so far; an overlong form, an encoded
 * surrogate or a value above U+10FFFF becomes one U+FFFD for the whole sequence; C0, C1 and F5..FF are one U+FFFD
 * each; and a sequence cut by the end of the line swallows the rest of the line into one U+FFFD. Valid input is
 * returned unchanged (the set of valid sequences is the same as {@link dev.sigil.contract.codec.StrictUtf8}'s).
 */
public final class JqUtf8 {

    private static final int CONTINUATION = -1;
    private static final int[] FIRST_CODE_POINT = {0, 0, 0x80, 0x800, 0x10000};
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private JqUtf8() {
    }

    /** {@code bytes[from, to)} with every invalid sequence replaced by U+FFFD, as valid UTF-8. */
    public static byte[] repair(byte[] bytes, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from + 16);
        int i = from;
        while (i < to) {
            int first = bytes[i] & 0xFF;
            if (first < 0x80) {
                out.write(first);
                i++;
                continue;
            }
            int length = codingLength(first);
            if (length == 0 || length == CONTINUATION) {
                out.write(REPLACEMENT, 0, 3);
                i++;
            } else if (i + length > to) {
                out.write(REPLACEMENT, 0, 3);
                i = to;
            } else {
                i = sequence(bytes, i, length, out);
            }
        }
        return out.toByteArray();
    }

    private static int sequence(byte[] bytes, int start, int length, ByteArrayOutputStream out) {
        int first = bytes[start] & 0xFF;
        int codePoint = first & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
        int used = length;
        for (int k = 1; k < length; k++) {
            int c = bytes[start + k] & 0xFF;
            if (codingLength(c) != CONTINUATION) {
                codePoint = -1;
                used = k;
                break;
            }
            codePoint = codePoint << 6 | c & 0x3F;
        }
        boolean valid = codePoint >= FIRST_CODE_POINT[used] && (codePoint < 0xD800 || codePoint > 0xDFFF) && codePoint <= 0x10FFFF;
        if (valid) {
            out.write(bytes, start, used);
        } else {
            out.write(REPLACEMENT, 0, 3);
        }
        return start + used;
    }

    /** jq's {@code utf8_coding_length}: 1 for ASCII, -1 for a continuation byte, 0 for a byte no sequence starts with. */
    private static int codingLength(int b) {
        if (b < 0x80) {
            return 1;
        }
        if (b < 0xC0) {
            return CONTINUATION;
        }
        if (b < 0xC2) {
            return 0;
        }
        if (b < 0xE0) {
            return 2;
        }
        if (b < 0xF0) {
            return 3;
        }
        return b < 0xF5 ? 4 : 0;
    }
}
