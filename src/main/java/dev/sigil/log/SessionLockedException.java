package dev.sigil.log;

import java.io.IOException;

/** A second logger asked for a session that another logger (in this or another process) is writing. */
public final class SessionLockedException extends IOException {

    private static final long serialVersionUID = 1L;

    public SessionLockedException(String message) {
        super(message);
    }
}
