package dev.sigil.remote;

import java.net.URI;
import java.net.URISyntaxException;

import dev.sigil.layout.SessionId;

/**
 * The address of a remote session, {@code ws://HOST:PORT/sessions/ID} (or {@code wss://}), as {@code sigil tail} and
 * {@code sigil monitor} take it, or of a server alone ({@code ws://HOST:PORT}, for {@code sigil monitor}'s session
 * picker); the session id follows the one rule of {@link SessionId}.
 *
 * @param secure wss (TLS)
 * @param authority host and port as given
 * @param session the session, or null for the server's list of sessions
 */
public record RemoteUrl(boolean secure, String authority, SessionId session) {

    /** Whether {@code text} is meant as a remote address (so that it is not read as a file name). */
    public static boolean isRemote(String text) {
        return text.startsWith("ws://") || text.startsWith("wss://");
    }

    /**
     * Parses {@code text}, which names a session.
     *
     * @throws IllegalArgumentException saying what is wrong, for a user
     */
    public static RemoteUrl parse(String text) {
        RemoteUrl u = parseAny(text);
        if (u.session == null) {
            throw new IllegalArgumentException(text + ": no session: give ws://HOST:PORT/sessions/ID");
        }
        return u;
    }

    /**
     * Parses {@code text}: a session, or a server alone ({@code ws://HOST:PORT}, {@code ws://HOST:PORT/sessions}).
     *
     * @throws IllegalArgumentException saying what is wrong, for a user
     */
    public static RemoteUrl parseAny(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(text + ": not a URL (" + e.getReason() + ")");
        }
        boolean secure = "wss".equals(uri.getScheme());
        if (!secure && !"ws".equals(uri.getScheme())) {
            throw new IllegalArgumentException(text + ": a remote session is ws://HOST:PORT/sessions/ID or wss://...");
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null) {
            throw new IllegalArgumentException(text + ": no host");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(text + ": the path must be /sessions/ID");
        }
        if (path.isEmpty() || path.equals("/") || path.equals("/sessions") || path.equals("/sessions/")) {
            return new RemoteUrl(secure, uri.getRawAuthority(), null);
        }
        String prefix = "/sessions/";
        if (!path.startsWith(prefix)) {
            throw new IllegalArgumentException(text + ": the path must be /sessions/ID");
        }
        String id = path.substring(prefix.length());
        if (!SessionId.isValid(id)) {
            throw new IllegalArgumentException(text + ": '" + id + "' is not a session id (" + SessionId.RULE + ")");
        }
        return new RemoteUrl(secure, uri.getRawAuthority(), SessionId.of(id));
    }

    /** The same address with {@code port} when it names none ({@code cli.monitor.port}). */
    public RemoteUrl withDefaultPort(int port) {
        return hasPort() ? this : new RemoteUrl(secure, authority + ":" + port, session);
    }

    /** Whether the address names its port. */
    public boolean hasPort() {
        return URI.create("ws://" + authority).getPort() >= 0;
    }

    /** The same server's session {@code id}. */
    public RemoteUrl withSession(SessionId id) {
        return new RemoteUrl(secure, authority, id);
    }

    /** The stream of the session's log bytes from {@code offset} on. */
    public URI logStream(long offset) {
        return URI.create(server() + "/sessions/" + session.value() + "?from=" + offset);
    }

    /** The server's live list of its sessions ({@code /sessions}, docs/remote.md). */
    public URI sessionList() {
        return URI.create(server() + "/sessions");
    }

    /** {@code ws://HOST:PORT} (or {@code wss://}). */
    public String server() {
        return (secure ? "wss://" : "ws://") + authority;
    }

    @Override
    public String toString() {
        return session == null ? server() : server() + "/sessions/" + session.value();
    }
}
