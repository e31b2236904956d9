package dev.sigil.layout;

import java.util.HexFormat;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

import dev.sigil.text.TerminalText;

/**
 * A session identifier: 1 to 64 characters from {@code A-Z a-z 0-9 _ -}, the contract's pattern. It names a
 * directory under {@code sessions/}, so anything else ({@code ../x}, an empty string, a slash, a dot) is refused
 * before any file is touched. The one home of the rule: the logger, the monitor, tail, the schema's fast check and
 * the command line all ask here.
 *
 * @param value the identifier
 */
public record SessionId(String value) {

    /** The contract's pattern for {@code session_id}, as {@code contract/execution-entry.schema.json} writes it. */
    public static final String SCHEMA_PATTERN = "^[A-Za-z0-9_-]{1,64}(?![\\s\\S])";

    /** The same rule as a whole-string pattern. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Longest identifier. */
    public static final int MAX_LENGTH = 64;

    /** What a valid id looks like, for messages. */
    public static final String RULE = "1 to 64 characters from A-Z a-z 0-9 _ -";

    /** The prefix of the ids sigil makes up: {@code sess_} and 12 hex digits (seed 002). */
    public static final String GENERATED_PREFIX = "sess_";

    /**
     * @throws IllegalArgumentException saying what is wrong with the identifier and what is allowed
     */
    public SessionId {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("session id " + quote(value) + " " + problem + "; a session id is " + RULE
                    + " (it names a directory)");
        }
    }

    public static SessionId of(String value) {
        return new SessionId(value);
    }

    /** A new id, {@code sess_} and 12 hex digits from {@code random}. */
    public static SessionId generate(RandomGenerator random) {
        byte[] b = new byte[6];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return new SessionId(GENERATED_PREFIX + HexFormat.of().formatHex(b));
    }

    /** Whether {@code value} is a valid identifier. */
    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    /** Whether the ASCII bytes {@code b[from, to)} are a valid identifier (non-ASCII never is). */
    public static boolean isValid(byte[] b, int from, int to) {
        int n = to - from;
        if (n < 1 || n > MAX_LENGTH) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!allowed((char) (b[i] & 0xFF))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowed(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    private static String problem(String value) {
        if (value == null) {
            return "is missing";
        }
        if (value.isEmpty()) {
            return "is empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "is " + value.length() + " characters long";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!allowed(c)) {
                return "contains " + describe(c) + " at position " + (i + 1);
            }
        }
        return null;
    }

    private static String describe(char c) {
        if (c > 0x20 && c < 0x7f) {
            return "'" + c + "'";
        }
        return String.format("U+%04X", (int) c);
    }

    /** The value for a one-line message: shown as the terminal policy shows text from outside, long values shortened. */
    private static String quote(String value) {
        if (value == null) {
            return "(null)";
        }
        String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return "'" + TerminalText.visible(shown) + "'";
    }

    @Override
    public String toString() {
        return value;
    }
}
