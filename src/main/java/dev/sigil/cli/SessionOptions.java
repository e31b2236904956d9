package dev.sigil.cli;

import java.util.Optional;

import dev.sigil.layout.SessionId;
import picocli.CommandLine.Option;

/** {@link LogOptions} and {@code -s/--session ID}, for the commands that work on one session. */
class SessionOptions extends LogOptions {

    @Option(names = {"-s", "--session"}, paramLabel = "ID",
            description = "The session: LOG_PATH/sessions/ID (letters, digits, _ and -, at most 64).")
    String session;

    /** The session given, checked against the one rule ({@link SessionId}); empty when none was given. */
    Optional<SessionId> sessionId() {
        if (session == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SessionId.of(session));
        } catch (IllegalArgumentException e) {
            throw UserError.usage("--session: " + e.getMessage());
        }
    }
}
