package dev.sigil.monitor.state;

import java.util.Locale;

/**
 * A session the picker offers, with what its log says of it.
 *
 * @param id the session id (its directory name)
 * @param modifiedMillis when its log last changed, wall clock
 * @param sizeBytes the size of its log (its rotated parts included)
 * @param status where it stands: {@code complete}, {@code error}, {@code running} (written to in the last minute),
 *        {@code incomplete}, or "" when its log says nothing
 * @param task what it was asked to do ({@code session_start}'s task), or ""
 * @param started its start as the log wrote it, or ""
 * @param tokens tokens it used, or -1 when not known
 */
public record SessionChoice(String id, long modifiedMillis, long sizeBytes, String status, String task, String started,
                            long tokens) {

    /** A session known by its log's file attributes only. */
    public SessionChoice(String id, long modifiedMillis, long sizeBytes) {
        this(id, modifiedMillis, sizeBytes, "", "", "", -1);
    }

    /** Whether its id, status or task contain {@code text}, in any case. */
    public boolean matches(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return id.toLowerCase(Locale.ROOT).contains(t) || status.toLowerCase(Locale.ROOT).contains(t)
                || task.toLowerCase(Locale.ROOT).contains(t);
    }
}
