package dev.sigil.print;

import dev.sigil.contract.codec.ByteSink;
import dev.sigil.contract.codec.FastJson;
import dev.sigil.contract.event.Level;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.format.LineFields;

/**
 * The {@code line} format of a line another producer wrote, read through its format (docs/formats.md §8):
 * {@code HH:MM:SS [LEVEL] component/operation: message}, from the event the format made, not from the line's own
 * keys (which would print {@code null} for most of them). The time is cut from the event's timestamp as
 * {@link LineFormat} cuts it; a missing component or operation is left out with its slash, and when both are
 * missing the format's name stands in their place. One event is one line: line breaks and tabs in the message are
 * written {@code \n}, {@code \r}, {@code \t}, and a message longer than {@value #MAX_MESSAGE} characters is cut
 * with "…" ({@code --format jsonl} gives the whole line). Pure.
 */
public final class EventLine {

    /** Characters of a message shown. */
    static final int MAX_MESSAGE = 1000;

    private EventLine() {
    }

    /** The line for {@code e} (without the newline). */
    public static String format(LogEvent e) {
        String where;
        if (e.component().isEmpty() && e.operation().isEmpty()) {
            where = e.format();
        } else if (e.component().isEmpty() || e.operation().isEmpty()) {
            where = e.component() + e.operation();
        } else {
            where = e.component() + "/" + e.operation();
        }
        String time = e.timestamp().isEmpty() ? "-" : clock(e.timestamp());
        return time + " [" + e.level().name() + "] " + where + ": " + oneLine(e.message());
    }

    /**
     * Appends the UTF-8 bytes of {@link #format}{@code (e)} to {@code out} (what {@code String.getBytes} gives: a lone
     * surrogate is {@code ?}), without making the line's text first: {@code tail}'s form of a mapped line, rendered on
     * the decoding threads.
     */
    public static void write(LogEvent e, ByteSink out) {
        head(e.timestamp(), e.level(), e.component(), e.operation(), e.format(), out);
        message(e.message(), out);
    }

    /**
     * Appends the same bytes as {@link #write(LogEvent, ByteSink)} of the event {@code f} describes (ADR 0290): a
     * message still in its JSON string literal is written from the literal's bytes, without making its text.
     */
    public static void write(LineFields f, ByteSink out) {
        if (f.timestamp() == null) {
            int second = f.secondOfDay();
            out.ensure(8);
            twoDigits(second / 3600, out);
            out.write(':');
            twoDigits(second / 60 % 60, out);
            out.write(':');
            twoDigits(second % 60, out);
        }
        head(f.timestamp(), f.level(), f.component(), f.operation(), f.format(), out);
        String m = f.message();
        if (m != null) {
            message(m, out);
        } else {
            literal(f.messageBytes(), f.messageFrom(), f.messageTo(), f.messageEscaped(), out);
        }
    }

    private static void twoDigits(int v, ByteSink out) {
        out.write('0' + v / 10);
        out.write('0' + v % 10);
    }

    /** The line up to its message: {@code HH:MM:SS [LEVEL] component/operation: }; the time written already when {@code t} is null. */
    private static void head(String t, Level level, String component, String operation, String format, ByteSink out) {
        if (t != null && t.isEmpty()) {
            out.write('-');
        } else if (t != null) {
            long cut = clockCut(t);
            utf8(t, (int) (cut >>> 32), (int) cut, out);
        }
        out.writeAscii(" [");
        out.writeAscii(level.name());
        out.writeAscii("] ");
        if (component.isEmpty() && operation.isEmpty()) {
            utf8(format, out);
        } else {
            utf8(component, out);
            if (!component.isEmpty() && !operation.isEmpty()) {
                out.write('/');
            }
            utf8(operation, out);
        }
        out.writeAscii(": ");
    }

    private static void message(String m, ByteSink out) {
        if (m.length() >= MAX_MESSAGE || !plainAscii(m, out)) {
            oneLine(m, out);
        }
    }

    /**
     * Writes what {@link #oneLine(String, ByteSink)} writes of the text of the JSON string literal {@code b[from, to)}
     * (valid UTF-8 and escapes, as the scan checked), straight from its bytes: its plain bytes are the text's UTF-8
     * already (a literal holds no raw control character, and raw UTF-8 no surrogate); the escapes are decoded as
     * {@code FastJson.decode} decodes them, a pair of surrogate escapes being one character. The cut at
     * {@value #MAX_MESSAGE} characters and the line breaks are {@link #oneLine}'s, step for step.
     */
    private static void literal(byte[] b, int from, int to, boolean escaped, ByteSink out) {
        int end = to - 1;
        int i = from + 1;
        if (!escaped && end - i < MAX_MESSAGE) {
            out.write(b, i, end - i); // at least as many bytes as characters: never cut
            return;
        }
        int len = 0; // the characters of oneLine's text so far
        int last = 0; // where the bytes of its last character start
        boolean lastIsPair = false; // and whether that character was a pair written together
        out.ensure(Math.min(end - i, MAX_MESSAGE + 8));
        while (i < end) {
            byte c = b[i];
            if (c != '\\' && len < MAX_MESSAGE - 2) {
                // A run of plain bytes that leaves the text short of the cut: copied whole (no cut falls in it, and
                // the character after it is at most the last one before the cut).
                int run = i;
                int units = len;
                while (run < end && b[run] != '\\' && units < MAX_MESSAGE - 2) {
                    byte x = b[run++];
                    units += (x & 0xC0) != 0x80 ? 1 : 0;
                    units += (x & 0xF8) == 0xF0 ? 1 : 0;
                }
                while (run < end && (b[run] & 0xC0) == 0x80) {
                    run++; // the rest of the last character
                }
                if (units < MAX_MESSAGE - 1) {
                    out.write(b, i, run - i);
                    len = units;
                    i = run;
                    continue;
                }
            }
            int unit; // the first UTF-16 unit of the next character
            int n; // its bytes in the literal
            boolean pair;
            if (c != '\\') {
                n = c >= 0 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
                unit = n == 1 ? c : 0x80; // beyond ASCII: neither a line break nor a surrogate, unless a pair
                pair = n == 4;
            } else if (b[i + 1] != 'u') {
                n = 2;
                byte e = b[i + 1];
                unit = switch (e) {
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> e; // " \\ /
                };
                pair = false;
            } else {
                n = 6;
                unit = unit(b, i + 2);
                pair = Character.isHighSurrogate((char) unit) && i + 12 <= end && b[i + 6] == '\\' && b[i + 7] == 'u'
                        && Character.isLowSurrogate((char) unit(b, i + 8));
            }
            if (len >= MAX_MESSAGE) {
                if (!pair && Character.isLowSurrogate((char) unit)) { // oneLine drops its last character
                    out.truncate(last);
                    if (lastIsPair) {
                        out.write('?');
                    }
                }
                JqStrings.appendCodePoint('…', out);
                return;
            }
            last = out.size();
            lastIsPair = false;
            if (unit == '\n' || unit == '\r' || unit == '\t') {
                out.write('\\');
                last = out.size();
                out.write(unit == '\n' ? 'n' : unit == '\r' ? 'r' : 't');
                len += 2;
            } else if (pair) {
                if (len + 1 >= MAX_MESSAGE) { // the cut falls between the halves: oneLine drops the high one
                    JqStrings.appendCodePoint('…', out);
                    return;
                }
                if (n == 4) {
                    out.write(b, i, 4);
                } else {
                    JqStrings.appendCodePoint(Character.toCodePoint((char) unit, (char) unit(b, i + 8)), out);
                    n = 12;
                }
                len += 2;
                lastIsPair = true;
            } else if (Character.isSurrogate((char) unit)) {
                out.write('?');
                len++;
            } else if (c != '\\') {
                out.write(b, i, n);
                len++;
            } else {
                JqStrings.appendCodePoint(unit, out);
                len++;
            }
            i += n;
        }
    }

    private static int unit(byte[] b, int at) {
        return FastJson.hex(b[at]) << 12 | FastJson.hex(b[at + 1]) << 8 | FastJson.hex(b[at + 2]) << 4 | FastJson.hex(b[at + 3]);
    }

    /**
     * Writes the UTF-8 of {@link #oneLine}{@code (m)} as {@link #utf8} would, in one pass and without making the text
     * (ADR 0235: a Claude Code message of a thousand characters with line breaks was copied twice).
     */
    private static void oneLine(String m, ByteSink out) {
        int n = m.length();
        int len = 0; // the characters of oneLine(m) so far
        int last = 0; // where the bytes of its last character start
        boolean lastIsPair = false; // and whether that character is the low half of a pair written together
        out.ensure(Math.min(n, MAX_MESSAGE + 8));
        for (int i = 0; i < n; i++) {
            if (len >= MAX_MESSAGE) {
                if (Character.isLowSurrogate(m.charAt(i))) { // oneLine drops its last character
                    out.truncate(last);
                    if (lastIsPair) {
                        out.write('?'); // the high half, left alone
                    }
                }
                JqStrings.appendCodePoint('…', out);
                return;
            }
            char c = m.charAt(i);
            last = out.size();
            lastIsPair = false;
            if (c == '\n' || c == '\r' || c == '\t') {
                out.write('\\');
                last = out.size();
                out.write(c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
                len += 2;
            } else if (c < 0x80) {
                out.write(c);
                len++;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(m.charAt(i + 1))) {
                if (len + 1 >= MAX_MESSAGE) { // the cut falls between the halves: oneLine drops the high one
                    JqStrings.appendCodePoint('…', out);
                    return;
                }
                JqStrings.appendCodePoint(Character.toCodePoint(c, m.charAt(++i)), out);
                len += 2;
                lastIsPair = true;
            } else if (Character.isSurrogate(c)) {
                out.write('?');
                len++;
            } else {
                JqStrings.appendCodePoint(c, out);
                len++;
            }
        }
    }

    /**
     * Writes {@code m} when it is plain ASCII (no character {@link #oneLine} or UTF-8 writes otherwise), one byte a
     * character straight into the sink, and says so; else writes nothing and returns false. Most messages are.
     */
    private static boolean plainAscii(String m, ByteSink out) {
        int n = m.length();
        out.ensure(n);
        byte[] a = out.array();
        int at = out.size();
        for (int i = 0; i < n; i++) {
            char c = m.charAt(i);
            if (c >= 0x80 || c == '\n' || c == '\r' || c == '\t') {
                return false;
            }
            a[at + i] = (byte) c;
        }
        out.advance(n);
        return true;
    }

    private static void utf8(String s, ByteSink out) {
        utf8(s, 0, s.length(), out);
    }

    /** The UTF-8 of {@code s}'s characters [from, to) ({@code String.getBytes}' way: a lone surrogate is {@code ?}). */
    private static void utf8(String s, int from, int to, ByteSink out) {
        out.ensure(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out.write(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                JqStrings.appendCodePoint(Character.toCodePoint(c, s.charAt(++i)), out);
            } else if (Character.isSurrogate(c)) {
                out.write('?');
            } else {
                JqStrings.appendCodePoint(c, out);
            }
        }
    }

    private static String oneLine(String message) {
        StringBuilder s = new StringBuilder(Math.min(message.length(), MAX_MESSAGE + 8));
        for (int i = 0; i < message.length(); i++) {
            if (s.length() >= MAX_MESSAGE) {
                if (Character.isLowSurrogate(message.charAt(i))) {
                    s.setLength(s.length() - 1);
                }
                return s.append('…').toString();
            }
            char c = message.charAt(i);
            switch (c) {
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /**
     * {@link LineFormat#time}'s cut of a text: the part after its first {@code T} (else its first space) up to the
     * next one, then before its first dot; the whole text when the part is empty.
     */
    static String clock(String timestamp) {
        long cut = clockCut(timestamp);
        return timestamp.substring((int) (cut >>> 32), (int) cut);
    }

    /** Where {@link #clock} cuts {@code timestamp}: its first index in the high half, its end in the low one. */
    private static long clockCut(String timestamp) {
        int sep = timestamp.indexOf('T');
        if (sep < 0) {
            sep = timestamp.indexOf(' ');
        }
        int from = 0;
        int to = timestamp.length();
        if (sep >= 0) {
            from = sep + 1;
            int next = timestamp.indexOf(timestamp.charAt(sep), from);
            to = next < 0 ? to : next;
        }
        if (from >= to) {
            return timestamp.length(); // jq splits an empty text into no pieces: LineFormat's "null", the text itself here
        }
        int dot = timestamp.indexOf('.', from);
        return (long) from << 32 | (dot >= 0 && dot < to ? dot : to);
    }
}
