package dev.sigil.log;

import java.util.regex.Pattern;

/**
 * A session identifier: 1 to 64 characters from {@code A-Z a-z 0-9 _ -}, the contract's pattern. It names a
 * directory under {@code sessions/}, so anything else ({@code ../x}, an empty string, a slash, a dot) is refused
 * before any file is touched.
 *
 * @param value the identifier
 */
public record SessionId(String value) {

    /** The contract's pattern for {@code session_id}. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Longest identifier. */
    public static final int MAX_LENGTH = 64;

    /**
     * @throws IllegalArgumentException saying what is wrong with the identifier and what is allowed
     */
    public SessionId {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("session id " + quote(value) + " " + problem
                    + "; a session id is 1 to 64 characters from A-Z a-z 0-9 _ - (it names a directory)");
        }
    }

    public static SessionId of(String value) {
        return new SessionId(value);
    }

    /** Whether {@code value} is a valid identifier. */
    public static boolean isValid(String value) {
        return problem(value) == null;
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
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
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

    /** The value for a one-line message: control and non-ASCII characters escaped, long values shortened. */
    private static String quote(String value) {
        if (value == null) {
            return "(null)";
        }
        StringBuilder s = new StringBuilder("'");
        int limit = Math.min(value.length(), 80);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                s.append(c);
            } else {
                s.append(String.format("\\u%04x", (int) c));
            }
        }
        if (value.length() > limit) {
            s.append("...");
        }
        return s.append('\'').toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
