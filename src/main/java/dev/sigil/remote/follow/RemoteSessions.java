package dev.sigil.remote.follow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.sigil.layout.LogLayout;
import dev.sigil.layout.SessionId;
import dev.sigil.monitor.LogTarget;
import dev.sigil.monitor.SessionSource;
import dev.sigil.monitor.state.SessionChoice;
import dev.sigil.remote.RemoteUrl;
import tools.jackson.databind.JsonNode;

/**
 * {@code sigil monitor ws://HOST:PORT/...}: a server's sessions as the monitor's {@link SessionSource}. The session
 * followed is copied into a local file ({@link RemoteMirror}) that the monitor follows as it follows any log, so the
 * dashboard, the stream and the minimal modes are the local ones; the picker's list is the server's live one
 * ({@code /sessions}, updated as sessions start, grow and end). The copies live in a temporary directory removed by
 * {@link #close()}.
 */
public final class RemoteSessions implements SessionSource, AutoCloseable {

    private final RemoteUrl server;
    private final ClientTls tls;
    private final String token;
    private final boolean follow;
    private final Path copies;
    private final Object noticeLock = new Object();
    private Consumer<String> notices;
    private String pending;
    private volatile Consumer<List<SessionChoice>> listener;
    private volatile List<SessionChoice> latest;
    private RemoteMirror mirror;
    private Path mirrored;
    private RemoteFollower list;
    private Thread listThread;

    /**
     * @param server the server (its session, if any, is ignored: {@link #open} names one)
     * @param token sent as {@code Authorization: Bearer TOKEN}, or null
     * @param follow keep following; else copy each session to the end the server said on connecting
     */
    public RemoteSessions(RemoteUrl server, ClientTls tls, String token, boolean follow) throws IOException {
        this.server = server;
        this.tls = tls;
        this.token = token;
        this.follow = follow;
        this.copies = Files.createTempDirectory("sigil-remote-");
    }

    /**
     * Where to say what happens to the connection. The newest notice given before there was anywhere to say it (the
     * first attempt failing while the monitor starts: "reconnecting (1) …") is said there at once.
     */
    @Override
    public void notices(Consumer<String> notice) {
        synchronized (noticeLock) {
            notices = notice;
            if (pending != null) {
                notice.accept(pending);
                pending = null;
            }
        }
    }

    private void notice(String text) {
        synchronized (noticeLock) {
            if (notices == null) {
                pending = text;
            } else {
                notices.accept(text);
            }
        }
    }

    /** What the monitor shows before a session is chosen in the picker: the server, waiting. */
    public LogTarget none() {
        return new LogTarget(copies.resolve("none").resolve(LogLayout.EXECUTION_LOG), server.server(), "", copies, null, LogTarget.Kind.PATH);
    }

    @Override
    public synchronized LogTarget open(String id) {
        closeMirror();
        RemoteUrl url = server.withSession(SessionId.of(id));
        try {
            Path dir = Files.createTempDirectory(copies, "session-");
            mirrored = dir.resolve(LogLayout.EXECUTION_LOG);
            mirror = new RemoteMirror(url, tls, token, follow, mirrored, this::notice);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mirror.start();
        return new LogTarget(mirrored, url.toString(), id, copies, null, LogTarget.Kind.PATH);
    }

    /**
     * After {@link #open}: waits (at most {@code millis}) until the first connection is answered: greeted, refused,
     * or found unreachable (the monitor then starts at once, saying it reconnects); the refusal, or null.
     */
    public String awaitFirst(long millis) throws InterruptedException {
        RemoteMirror m;
        synchronized (this) {
            m = mirror;
        }
        return m == null ? null : m.awaitFirst(millis);
    }

    /** After {@link #open} without following: waits until the copy is complete; the server's refusal, or null. */
    public String awaitEnd() throws InterruptedException {
        RemoteMirror m;
        synchronized (this) {
            m = mirror;
        }
        return m == null ? null : m.awaitEnd();
    }

    @Override
    public void list(long nowMillis, Consumer<List<SessionChoice>> listed) {
        listener = listed;
        List<SessionChoice> known = latest;
        if (known != null) {
            listed.accept(known);
        }
        synchronized (this) {
            if (list != null) {
                return;
            }
            list = new RemoteFollower(offset -> server.sessionList(), tls, token, 0, true, new ListSink());
            listThread = new Thread(() -> {
                try {
                    RemoteFollower.Outcome o = list.run();
                    if (o.refusal() != null) {
                        notice("sessions list refused: " + o.refusal());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "sigil-monitor-sessions");
            listThread.setDaemon(true);
            listThread.start();
        }
    }

    /** The sessions of a {@code sessions} message ({@code SessionsStream} on the server). */
    static List<SessionChoice> choices(JsonNode message) {
        List<SessionChoice> out = new ArrayList<>();
        for (JsonNode s : message.path("sessions")) {
            String id = s.path("id").asString("");
            if (SessionId.isValid(id)) {
                out.add(new SessionChoice(id, s.path("modified_ms").asLong(0), s.path("size").asLong(0), s.path("status").asString(""),
                        s.path("task").asString(""), s.path("started").asString(""), s.path("tokens").asLong(-1)));
            }
        }
        return List.copyOf(out);
    }

    private final class ListSink implements RemoteFollower.Sink {
        @Override
        public void lines(byte[] bytes, long offset) {
            // the list is text messages only
        }

        @Override
        public void note(String text) {
            // the session's own connection says what the user needs; the list comes back with it
        }

        @Override
        public void message(JsonNode message) {
            List<SessionChoice> now = choices(message);
            latest = now;
            Consumer<List<SessionChoice>> l = listener;
            if (l != null) {
                l.accept(now);
            }
        }
    }

    private void closeMirror() {
        if (mirror != null) {
            mirror.close();
            delete(mirrored.getParent());
            mirror = null;
        }
    }

    /** Stops following and listing, and removes the copies. */
    @Override
    public synchronized void close() {
        closeMirror();
        if (list != null) {
            list.stop();
            try {
                listThread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        delete(copies);
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory: the system cleans what is left
        }
    }
}
