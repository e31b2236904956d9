package dev.sigil.log.maintenance;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a maintenance run did (or, in a dry run, would do), one action per line.
 *
 * @param root the log directory
 * @param dryRun whether nothing was changed
 * @param actions in the order they happened
 */
public record MaintenanceReport(Path root, boolean dryRun, List<Action> actions) {

    /** REFUSED: not touched because a directory or file there is not safe to write in (another user's, or others may write). */
    public enum Kind { ROTATED, ARCHIVED, REMOVED, SKIPPED, FAILED, REFUSED }

    /**
     * @param kind what happened
     * @param path what it happened to (relative to the log directory)
     * @param detail the new name (rotated, archived) or the reason (skipped, failed); may be empty
     */
    public record Action(Kind kind, Path path, String detail) {
        public Action {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(path);
            Objects.requireNonNull(detail);
        }
    }

    public MaintenanceReport {
        actions = List.copyOf(actions);
    }

    public long count(Kind kind) {
        return actions.stream().filter(a -> a.kind() == kind).count();
    }

    /** One line per action: {@code rotated  sessions/x/execution.jsonl -> execution.2.jsonl}. */
    public List<String> lines() {
        return actions.stream().map(this::line).toList();
    }

    private String line(Action a) {
        String verb = switch (a.kind()) {
            case ROTATED -> dryRun ? "would rotate" : "rotated";
            case ARCHIVED -> dryRun ? "would archive" : "archived";
            case REMOVED -> dryRun ? "would remove" : "removed";
            case SKIPPED -> "skipped";
            case FAILED -> "failed";
            case REFUSED -> "refused";
        };
        String sep = a.kind() == Kind.ROTATED || a.kind() == Kind.ARCHIVED ? " -> " : ": ";
        return verb + " " + a.path() + (a.detail().isEmpty() ? "" : sep + a.detail());
    }

    /** {@code rotated 1 log, archived 2 sessions, removed 0 archives, skipped 1, failed 0 (dry run: nothing changed)}. */
    public String summary() {
        return (dryRun ? "would rotate " : "rotated ") + plural(count(Kind.ROTATED), "log")
                + (dryRun ? ", archive " : ", archived ") + plural(count(Kind.ARCHIVED), "session")
                + (dryRun ? ", remove " : ", removed ") + plural(count(Kind.REMOVED), "archive")
                + "; skipped " + count(Kind.SKIPPED) + ", failed " + count(Kind.FAILED)
                + (count(Kind.REFUSED) > 0 ? ", refused " + count(Kind.REFUSED) : "")
                + (dryRun ? " (dry run: nothing was changed)" : "");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
