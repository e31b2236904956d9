package dev.sigil.remote.serve;

import java.io.IOException;
import java.time.Duration;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import dev.sigil.remote.CloseCode;

/**
 * {@code sigil serve}'s monitoring stream: one Jetty server, one port, the WebSocket paths and the HTTP surface
 * ({@link HttpRoutes}) behind the same token. Start it, read its port, close it (Ctrl-C does that through the
 * command); the streams under way are told {@link CloseCode#GOING_AWAY}.
 */
public final class StreamServer implements AutoCloseable {

    /** The largest message a client may send (a {@code config} message is a few hundred bytes). */
    static final int MAX_CLIENT_MESSAGE = 64 << 10;

    private final Server server;
    private final ServerConnector connector;
    private final ServeCounts counts = new ServeCounts();
    private final WebSocketUpgradeHandler upgrades;

    private StreamServer(StreamSettings settings) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName("sigil-serve");
        threads.setDaemon(true);
        server = new Server(threads);
        server.setStopTimeout(2000);
        server.setErrorHandler(new JsonErrors(counts));
        connector = settings.tlsCert() == null ? new ServerConnector(server, 1, 1)
                : new ServerConnector(server, 1, 1, ServerTls.of(settings.tlsCert(), settings.tlsKey()));
        connector.setHost(settings.address().getHostString());
        connector.setPort(settings.address().getPort());
        server.addConnector(connector);
        SessionLogs logs = new SessionLogs(settings.layout());
        SessionList list = new SessionList(new dev.sigil.monitor.LogLocator(settings.layout(), settings.layout().root().toString()));
        Access access = new Access(settings.token());
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxTextMessageSize(MAX_CLIENT_MESSAGE);
            container.setMaxBinaryMessageSize(MAX_CLIENT_MESSAGE);
            container.setIdleTimeout(Duration.ofMinutes(10));
            container.addMapping("/sessions/*", (rq, rs, cb) -> logStream(rq, logs, list, access, settings));
            container.addMapping("/monitoring/v1/logs/stream", (rq, rs, cb) -> seedStream(rq, logs, access, settings));
        });
        ws.setHandler(new HttpRoutes(logs, list, access, counts));
        server.setHandler(ws);
        upgrades = ws;
    }

    /** Listens as {@code settings} say; the port is known when this returns. */
    public static StreamServer start(StreamSettings settings) throws IOException {
        StreamServer s = new StreamServer(settings);
        try {
            s.server.start();
        } catch (IOException e) {
            s.close();
            throw e;
        } catch (Exception e) {
            s.close();
            throw new IOException(e.getMessage(), e);
        }
        return s;
    }

    /**
     * Serves until the thread is interrupted or the JVM shuts down (Ctrl-C, SIGTERM), then stops and tells
     * {@code stopped} what it did; on a shutdown from the JVM's hook, which the JVM waits for, so the line is printed
     * before the process ends. The command line calls only this, so that none of its signatures names Jetty's types.
     *
     * @param listening told the port once the server listens
     */
    public static void serve(StreamSettings settings, java.util.function.IntConsumer listening, java.util.function.Consumer<String> stopped)
            throws IOException {
        StreamServer server = start(settings);
        dev.sigil.serving.Foreground.serve(server.port(), server::close, () -> server.counts().toString(), listening, stopped);
    }

    /** Whether {@code e}, from {@link #serve}, says what is wrong with the TLS files (rather than with the address). */
    public static boolean isTlsProblem(IOException e) {
        return e instanceof ServerTls.Invalid;
    }

    public int port() {
        return connector.getLocalPort();
    }

    public ServeCounts counts() {
        return counts;
    }

    /** Cuts every open stream without a close message, as a network that fails does (for tests of the followers). */
    void cutAll() {
        upgrades.getServerWebSocketContainer().getOpenSessions().forEach(org.eclipse.jetty.websocket.api.Session::disconnect);
    }

    /** How many streams are open now (for tests). */
    int openStreams() {
        return upgrades.getServerWebSocketContainer().getOpenSessions().size();
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping: nothing more to do with what did not stop in time
        }
    }

    private Object logStream(ServerUpgradeRequest request, SessionLogs logs, SessionList list, Access access,
                             StreamSettings settings) {
        Fields query = Request.extractQueryParameters(request);
        if (!allowed(request, query, access)) {
            return new Refusal(CloseCode.UNAUTHORIZED, "unauthorized: give the server's token", counts);
        }
        String path = Request.getPathInContext(request);
        if (path.equals("/sessions") || path.equals("/sessions/")) {
            return new SessionsStream(list, settings, counts);
        }
        String id = path.substring("/sessions/".length());
        try {
            return new LogStream(logs, id, logs.log(id), Offsets.parse(query.getValue("from")), settings, counts);
        } catch (SessionLogs.Refused r) {
            return new Refusal(r.code, r.getMessage(), counts);
        }
    }

    private Object seedStream(ServerUpgradeRequest request, SessionLogs logs, Access access, StreamSettings settings) {
        Fields query = Request.extractQueryParameters(request);
        if (!allowed(request, query, access)) {
            return new Refusal(CloseCode.UNAUTHORIZED, "unauthorized: give the server's token", counts);
        }
        String id = query.getValue("session_id");
        if (id == null) {
            id = logs.active();
            if (id == null) {
                return new Refusal(CloseCode.NOT_FOUND, "no session_id given and no active session (current.jsonl)", counts);
            }
        }
        try {
            return new SeedStream(logs.log(id), id, SeedFilter.components(query.getValue("components")), settings, counts);
        } catch (SessionLogs.Refused r) {
            return new Refusal(r.code, r.getMessage(), counts);
        }
    }

    private static boolean allowed(ServerUpgradeRequest request, Fields query, Access access) {
        return access.allows(request.getHeaders().get(HttpHeader.AUTHORIZATION), query.getValue("token"));
    }
}
