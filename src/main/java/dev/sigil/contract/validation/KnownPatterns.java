package dev.sigil.contract.validation;

import dev.sigil.contract.model.TokenUsage;
import dev.sigil.layout.SessionId;

/**
 * Hand-written matchers for the contract's three patterns, which {@link FastSchemaCheck} uses instead of
 * {@link java.util.regex.Pattern} when a schema's pattern is exactly one of them: a regular expression costs more
 * per line than all the rest of the check (ADR 0042). Each returns what {@code Pattern.compile(source).matcher(s)
 * .find()} returns for the ASCII text {@code b[from, to)}; {@code KnownPatternsProperties} checks that against the
 * regular expressions. Non-ASCII text never matches either pattern. Pure.
 */
final class KnownPatterns {

    /** The contract's timestamp pattern (docs/contract.md §3). */
    static final String TIMESTAMP = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)"
            + "(\\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{6})?)?)?(?![\\s\\S])";
    /** The contract's session id pattern (the rule's home is {@link SessionId}). */
    static final String SESSION_ID = SessionId.SCHEMA_PATTERN;
    /** The usage record's model pattern, provider:model-id (docs/contract.md §5.1; its home is the schema). */
    static final String MODEL = TokenUsage.MODEL_PATTERN.pattern();

    /** A matcher of byte ranges. */
    @FunctionalInterface
    interface Matcher {
        boolean matches(byte[] b, int from, int to);
    }

    private KnownPatterns() {
    }

    /** The hand-written matcher for {@code source}, or null if there is none. */
    static Matcher forSource(String source) {
        if (TIMESTAMP.equals(source)) {
            return KnownPatterns::timestamp;
        }
        if (SESSION_ID.equals(source)) {
            return KnownPatterns::sessionId;
        }
        if (MODEL.equals(source)) {
            return KnownPatterns::model;
        }
        return null;
    }

    /** ':' is not a provider character, so the first colon must come right after at most 64 of them. */
    static boolean model(byte[] b, int from, int to) {
        if (from >= to || !alphanumeric(b[from])) {
            return false;
        }
        int i = from + 1;
        int limit = Math.min(to, from + 64);
        while (i < limit && (alphanumeric(b[i]) || b[i] == '_' || b[i] == '.' || b[i] == '-')) {
            i++;
        }
        return i + 1 < to && b[i] == ':' && b[i + 1] >= '!' && b[i + 1] <= '~';
    }

    private static boolean alphanumeric(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    static boolean sessionId(byte[] b, int from, int to) {
        return SessionId.isValid(b, from, to);
    }

    /**
     * Every optional group of the pattern is followed by the end of the text and starts with a character nothing
     * after it can start with, so a match must take each group whose first character is there: one pass decides.
     */
    static boolean timestamp(byte[] b, int from, int to) {
        int i = from;
        if (to - i < 19 || !digits(b, i, 4) || b[i + 4] != '-' || b[i + 7] != '-' || b[i + 13] != ':' || b[i + 16] != ':') {
            return false;
        }
        int month = two(b, i + 5);
        int day = two(b, i + 8);
        int hour = two(b, i + 11);
        int minute = two(b, i + 14);
        int second = two(b, i + 17);
        if (month < 1 || month > 12 || day < 1 || day > 31 || (b[i + 10] != 'T' && b[i + 10] != 't') || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return false;
        }
        i += 19;
        if (i < to && b[i] == '.') {
            int start = ++i;
            while (i < to && isDigit(b[i])) {
                i++;
            }
            if (i == start) {
                return false;
            }
        }
        if (i == to) {
            return true;
        }
        if (b[i] == 'Z' || b[i] == 'z') {
            return i + 1 == to;
        }
        if (b[i] != '+' && b[i] != '-') {
            return false;
        }
        i++;
        if (to - i < 5 || b[i + 2] != ':') {
            return false;
        }
        int offsetHour = two(b, i);
        int offsetMinute = two(b, i + 3);
        if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) {
            return false;
        }
        i += 5;
        if (i == to) {
            return true;
        }
        if (b[i] != ':' || to - i < 3) {
            return false;
        }
        int offsetSecond = two(b, i + 1);
        if (offsetSecond < 0 || offsetSecond > 59) {
            return false;
        }
        i += 3;
        if (i == to) {
            return true;
        }
        return to - i == 7 && b[i] == '.' && digits(b, i + 1, 6);
    }

    /** The two-digit number at {@code i}, or -1. */
    private static int two(byte[] b, int i) {
        return isDigit(b[i]) && isDigit(b[i + 1]) ? (b[i] - '0') * 10 + b[i + 1] - '0' : -1;
    }

    private static boolean digits(byte[] b, int i, int n) {
        for (int k = i; k < i + n; k++) {
            if (!isDigit(b[k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
