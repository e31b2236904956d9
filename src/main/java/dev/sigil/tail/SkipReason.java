package dev.sigil.tail;

/** Why a line was not handed out as an entry. Each is counted in {@link TailStats}. */
public enum SkipReason {
    /** Longer than the line bound; skipped up to its newline without being held in memory. */
    TOO_LONG("longer than the line bound"),
    /** Not JSON as CPython reads it (after invalid UTF-8 was replaced). */
    MALFORMED("not JSON"),
    /** JSON, but not an object (an array, a string, a number, true, false or null). */
    NOT_AN_OBJECT("not a JSON object"),
    /** An unterminated last line whose file was truncated, replaced or closed before its newline came. */
    TORN("unterminated line dropped");

    private final String description;

    SkipReason(String description) {
        this.description = description;
    }

    /** A few words for users. */
    public String description() {
        return description;
    }
}
