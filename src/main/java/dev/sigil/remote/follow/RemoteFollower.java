package dev.sigil.remote.follow;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.sigil.remote.CloseCode;
import dev.sigil.remote.Messages;
import dev.sigil.remote.RemoteUrl;
import tools.jackson.databind.JsonNode;

/**
 * Follows a remote session's log: connects to {@code /sessions/ID?from=OFFSET}, hands every binary message (whole
 * lines) to its {@link Sink} with the offset it starts at, and when the connection drops connects again from the
 * offset just after the last message handed out, waiting 100 ms, then twice as long each time up to 5 s. A partly
 * received message is dropped with its connection and asked for again, so a line arrives once and whole. A refusal
 * (a close code that says not to retry, {@link CloseCode#retry()}) ends it with the server's reason; so does a server
 * that cannot be reached, when not following (a follower waits for it, as {@code tail -F} waits for a file).
 */
public final class RemoteFollower {

    /** Where the lines go; called on one thread at a time, in order. */
    public interface Sink {
        /** {@code bytes} are whole lines starting at {@code offset} of the session's log. */
        void lines(byte[] bytes, long offset);

        /** Something for people: reconnecting, a line the server skipped, a rotation. */
        void note(String text);

        /** The server greeted a connection: what comes now starts at {@code offset}. */
        default void connected(long offset) {
        }

        /** A text message of another type than those the follower handles (the sessions list's {@code sessions}). */
        default void message(JsonNode message) {
        }
    }

    /** How it ended: {@code refusal} null when stopped or at the end asked for, else the server's reason. */
    public record Outcome(long offset, long reconnects, String refusal) {
    }

    private static final long FIRST_WAIT_MILLIS = 100;
    private static final long LONGEST_WAIT_MILLIS = 5000;
    /**
     * A connection that says nothing for this long is given up and made again: the server sends a heartbeat every
     * second, so silence means a connection that died without a word (a server gone, a half-open socket).
     */
    private static final long SILENCE_MILLIS = 5000;

    private final java.util.function.LongFunction<URI> address;
    private final String token;
    private final Sink sink;
    private final boolean follow;
    private final HttpClient client;
    private volatile boolean stopped;
    private volatile WebSocket current;
    private long offset;
    private long end = -1;
    private long reconnects;

    /**
     * @param token sent as {@code Authorization: Bearer TOKEN}, or null
     * @param follow keep following; else stop at the end the server said its complete lines had when first reached
     */
    public RemoteFollower(RemoteUrl url, String token, long from, boolean follow, Sink sink) {
        this(url::logStream, ClientTls.NONE, token, from, follow, sink);
    }

    /**
     * A follower of any of the server's streams: {@code address} gives the stream's address for the offset to start
     * from; {@code tls} says which certificates a {@code wss://} server may show.
     */
    public RemoteFollower(java.util.function.LongFunction<URI> address, ClientTls tls, String token, long from, boolean follow, Sink sink) {
        this.address = address;
        this.client = tls.client();
        this.token = token;
        this.offset = from;
        this.follow = follow;
        this.sink = sink;
    }

    /** Follows until {@link #stop()}, the end (without follow) or a refusal. */
    public Outcome run() throws InterruptedException {
        long wait = FIRST_WAIT_MILLIS;
        while (!stopped) {
            Connection c = new Connection();
            String failure = c.connectAndWait();
            if (stopped || c.finished) {
                break;
            }
            if (c.refused != null) {
                return new Outcome(offset, reconnects, c.refused);
            }
            if (c.greeted) {
                wait = FIRST_WAIT_MILLIS;
            } else if (!follow) {
                return new Outcome(offset, reconnects, "cannot reach the server: " + failure);
            }
            reconnects++;
            sink.note("reconnecting (" + reconnects + ") from offset " + offset + ": " + failure);
            Thread.sleep(wait);
            wait = Math.min(LONGEST_WAIT_MILLIS, wait * 2);
        }
        return new Outcome(offset, reconnects, null);
    }

    /** Makes {@link #run()} return; safe from any thread. */
    public void stop() {
        stopped = true;
        WebSocket ws = current;
        if (ws != null) {
            ws.abort();
        }
    }

    /** One connection: its listener runs on the client's threads, one message at a time. */
    private final class Connection implements WebSocket.Listener {
        private final CompletableFuture<String> closed = new CompletableFuture<>();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
        private final StringBuilder text = new StringBuilder();
        volatile long heard = System.nanoTime();
        volatile boolean greeted;
        volatile boolean finished;
        volatile String refused;

        String connectAndWait() throws InterruptedException {
            URI uri = address.apply(offset);
            WebSocket.Builder b = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            try {
                current = b.buildAsync(uri, this).get(10, TimeUnit.SECONDS);
                while (true) {
                    try {
                        return closed.get(1, TimeUnit.SECONDS);
                    } catch (TimeoutException quiet) {
                        if (System.nanoTime() - heard > SILENCE_MILLIS * 1_000_000) {
                            return "nothing heard for " + SILENCE_MILLIS / 1000 + " s";
                        }
                    }
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return cause.getMessage() == null ? "connection failed" : cause.getMessage();
            } catch (TimeoutException e) {
                return "no answer in 10 s";
            } finally {
                WebSocket ws = current;
                if (ws != null) {
                    ws.abort();
                }
            }
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            heard = System.nanoTime();
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.write(chunk, 0, chunk.length);
            if (last) {
                byte[] lines = binary.toByteArray();
                binary.reset();
                sink.lines(lines, offset);
                offset += lines.length;
                checkEnd(ws);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            heard = System.nanoTime();
            text.append(data);
            if (last) {
                message(Messages.read(text.toString()));
                text.setLength(0);
                checkEnd(ws);
            }
            ws.request(1);
            return null;
        }

        private void message(JsonNode m) {
            if (m == null) {
                return;
            }
            switch (m.path("type").asString("")) {
                case "hello" -> {
                    greeted = true;
                    if (end < 0) {
                        end = m.path("end").asLong(-1);
                    }
                    sink.connected(offset);
                }
                case "sessions" -> {
                    greeted = true;
                    sink.message(m);
                }
                case "skipped" -> {
                    long at = m.path("offset").asLong();
                    long length = m.path("length").asLong();
                    if (at == offset) {
                        offset = at + length + 1;
                        sink.note("the server skipped the line at offset " + at + " (" + length + " bytes): " + m.path("reason").asString(""));
                    }
                }
                case "file" -> sink.note("the log: " + m.path("change").asString("") + ", " + m.path("detail").asString(""));
                default -> {
                    // heartbeats and anything newer: nothing to do
                }
            }
        }

        private void checkEnd(WebSocket ws) {
            if (!follow && greeted && offset >= end) {
                finished = true;
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "");
                closed.complete("done");
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            CloseCode code = CloseCode.of(statusCode);
            if (code != null && !code.retry()) {
                refused = reason.isEmpty() ? "closed with code " + statusCode : reason;
            }
            closed.complete("closed by the server (" + statusCode + (reason.isEmpty() ? "" : ": " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(error.getMessage() == null ? "connection lost" : error.getMessage());
        }
    }
}
