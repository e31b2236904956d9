package dev.sigil.remote.serve;

import java.util.List;

import dev.sigil.monitor.state.SessionChoice;
import dev.sigil.remote.CloseCode;
import dev.sigil.remote.Messages;

/**
 * One client's live list of the sessions under the log root ({@code ws://HOST:PORT/sessions}): a {@code sessions}
 * message on connecting and each time the list changes (a session started, written to, ended, gone), a
 * {@code heartbeat} every second otherwise.
 *
 * <p>Public only because Jetty calls its methods through method handles; made by {@link StreamServer} alone.
 */
public final class SessionsStream extends WindowedStream {

    private final SessionList sessions;

    SessionsStream(SessionList sessions, StreamSettings settings, ServeCounts counts) {
        super("sigil-serve-sessions", settings, counts);
        this.sessions = sessions;
    }

    @Override
    void follow() {
        List<SessionChoice> sent = null;
        long beat = 0;
        try {
            while (open) {
                List<SessionChoice> now = sessions.now(System.currentTimeMillis());
                if (!now.equals(sent)) {
                    sent = now;
                    beat = System.nanoTime();
                    sendText(Messages.write(Messages.sessions(HttpRoutes.sessions(now))));
                } else if (System.nanoTime() - beat >= settings.heartbeat().toNanos()) {
                    beat = System.nanoTime();
                    sendText(Messages.heartbeat(0));
                }
                Thread.sleep(Math.min(1000, settings.heartbeat().toMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            close(CloseCode.NOT_FOUND, "cannot list the sessions: " + e.getMessage());
        }
    }
}
