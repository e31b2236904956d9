package dev.sigil.remote.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A real client for tests: opens a stream, sends what it is told, and reports the messages and the close it got. */
final class Probe implements WebSocket.Listener {

    record Closed(int code, String reason) {
    }

    static final HttpClient CLIENT = HttpClient.newHttpClient();

    final List<String> texts = new CopyOnWriteArrayList<>();
    final List<Integer> binaries = new CopyOnWriteArrayList<>();
    final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    WebSocket socket;

    static Probe open(String url, String token) throws Exception {
        Probe p = new Probe();
        WebSocket.Builder b = CLIENT.newWebSocketBuilder();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        p.socket = b.buildAsync(URI.create(url), p).get(10, TimeUnit.SECONDS);
        return p;
    }

    /** The close the server sent, waiting up to 10 s. */
    Closed close() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }

    static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            texts.add(text.toString());
            text.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        binaries.add(data.remaining());
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.complete(new Closed(-1, String.valueOf(error.getMessage())));
    }
}
