package dev.sigil.tail;

import java.io.IOException;

import dev.sigil.tail.TailEvent.Change;

/**
 * Whether a followed name can be read, as the follower tells it: a failure once as {@link Change#UNREADABLE} (again
 * only when its words change), the recovery once as {@link Change#READABLE}; and whether the poll under way met a
 * failure. On the polling thread.
 */
final class Readability {

    private final Emitter out;
    /** The last UNREADABLE detail sent, or null while readable. */
    private String unreadable;
    /** Something failed during the current poll. */
    private boolean trouble;

    Readability(Emitter out) {
        this.out = out;
    }

    /** A poll begins: nothing has failed in it yet. */
    void pollStarts() {
        trouble = false;
    }

    /** Whether something failed in the poll under way. */
    boolean troubled() {
        return trouble;
    }

    /** Whether the name is readable as far as was last told. */
    boolean readable() {
        return unreadable == null;
    }

    /** A read failed: told unless the same problem was told last. */
    void failed(IOException e) {
        trouble = true;
        String detail = describe(e);
        if (!detail.equals(unreadable)) {
            out.change(Change.UNREADABLE, detail + "; retrying");
            unreadable = detail;
        }
    }

    /** A poll went through: readable again, if it was not. */
    void recovered() {
        if (unreadable != null) {
            unreadable = null;
            out.change(Change.READABLE, "readable again");
        }
    }

    /** The problem in words (a Java type name means nothing to the user). */
    private static String describe(IOException e) {
        String what = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.FileSystemException ? "cannot be read" : null;
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (what == null) {
            return message.isEmpty() ? "cannot be read" : message;
        }
        return message.isEmpty() ? what : what + ": " + message;
    }
}
