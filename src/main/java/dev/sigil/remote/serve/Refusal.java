package dev.sigil.remote.serve;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import dev.sigil.remote.CloseCode;

/**
 * A stream refused: the upgrade is taken so that the client reads a close code and a reason (a refused upgrade would
 * show it only an HTTP status), and closed at once.
 *
 * <p>Public only because Jetty calls its methods through method handles; made by {@link StreamServer} alone.
 */
public final class Refusal implements Session.Listener.AutoDemanding {

    private final CloseCode code;
    private final String reason;

    Refusal(CloseCode code, String reason, ServeCounts counts) {
        this.code = code;
        this.reason = reason;
        counts.refused(code.name());
    }

    @Override
    public void onWebSocketOpen(Session session) {
        session.close(code.code(), reason, Callback.NOOP);
    }
}
