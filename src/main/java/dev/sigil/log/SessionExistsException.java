package dev.sigil.log;

import java.io.IOException;
import java.nio.file.Path;

/** A new run was asked for on a session whose log already holds entries ({@code ExecutionLogger.Builder.newSessionOnly}). */
public final class SessionExistsException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String sessionId;

    SessionExistsException(String sessionId, Path log) {
        super("session '" + sessionId + "' exists already (its log: " + log + ")");
        this.sessionId = sessionId;
    }

    public String sessionId() {
        return sessionId;
    }
}
