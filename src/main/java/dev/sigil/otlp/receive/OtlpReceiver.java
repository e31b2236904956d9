package dev.sigil.otlp.receive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sigil.contract.model.ExecutionEntry;
import dev.sigil.log.LoggerSettings;
import dev.sigil.log.Reporter;

/**
 * The OTLP/HTTP receiver (docs/otlp.md, "Receiving"): POST {@code /v1/traces} and {@code /v1/logs}, protobuf
 * ({@code application/x-protobuf}) or JSON ({@code application/json}), gzip or not. Each request is read to at most
 * the body bound (compressed and decompressed), decoded whole, mapped and checked, then written through the
 * sessions' loggers and answered 200 once flushed. Refusals, each counted: 401 without the bearer token (compared in
 * constant time), 404 another path, 405 another method, 413 a body past the bound, 415 another content type, 400 a
 * body that cannot be decoded (with OTLP's Status message), 503 while the log cannot take more. Never a partial write.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** Default bound of a request body, compressed or not. */
    public static final int DEFAULT_MAX_BODY = 16 << 20;

    private final HttpServer server;
    private final ExecutorService threads;
    private final SessionWriters writers;
    private final byte[] token;
    private final int maxBody;
    private final ReceiverCounts counts = new ReceiverCounts();

    private OtlpReceiver(InetSocketAddress address, LoggerSettings settings, Reporter reporter, String token, int maxBody) throws IOException {
        this.writers = new SessionWriters(settings, reporter);
        this.token = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.maxBody = maxBody;
        this.server = HttpServer.create(address, 64);
        this.threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "sigil-otlp-receiver");
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", this::handle);
        server.setExecutor(threads);
    }

    /**
     * Starts receiving on {@code address} (port 0: any free port).
     *
     * @param token the bearer token every request must carry, or null for none
     */
    public static OtlpReceiver start(InetSocketAddress address, LoggerSettings settings, Reporter reporter, String token, int maxBody)
            throws IOException {
        OtlpReceiver r = new OtlpReceiver(address, settings, reporter, token, maxBody);
        r.server.start();
        return r;
    }

    /**
     * Receives until the thread is interrupted or the JVM shuts down (Ctrl-C, SIGTERM), then stops and tells
     * {@code stopped} what came in. On a shutdown that is told from the JVM's shutdown hook, which the JVM waits for,
     * so the line is printed before the process ends. The command line calls only this, so that no signature of its
     * own names the receiver's types.
     *
     * @param listening told the port once the receiver listens
     * @param stopped told once, when the receiver has stopped: requests, items, entries, sessions and refusals
     *        ({@link ReceiverCounts#describe})
     */
    public static void serve(InetSocketAddress address, LoggerSettings settings, Reporter reporter, String token, int maxBody,
                             java.util.function.IntConsumer listening, java.util.function.Consumer<String> stopped) throws IOException {
        OtlpReceiver receiver = start(address, settings, reporter, token, maxBody);
        dev.sigil.serving.Foreground.serve(receiver.address().getPort(), receiver::close,
                () -> receiver.counts().describe(receiver.sessions()), listening, stopped);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public ReceiverCounts counts() {
        return counts;
    }

    public int sessions() {
        return writers.sessions();
    }

    /** Stops taking requests, lets those under way finish (up to a second), closes every session's logger. */
    @Override
    public void close() {
        server.stop(1);
        threads.shutdown();
        writers.close();
    }

    private void handle(HttpExchange e) throws IOException {
        try (e) {
            counts.requests.incrementAndGet();
            String path = e.getRequestURI().getPath();
            boolean traces = path.equals("/v1/traces");
            if (!traces && !path.equals("/v1/logs")) {
                reply(e, 404, false, "no OTLP receiver at " + path + " (sigil takes /v1/traces and /v1/logs)");
                return;
            }
            if (!e.getRequestMethod().equals("POST")) {
                reply(e, 405, false, "POST the request");
                return;
            }
            if (token != null && !authorised(e.getRequestHeaders().getFirst("Authorization"))) {
                counts.unauthorised.incrementAndGet();
                reply(e, 401, false, "a bearer token is required");
                return;
            }
            String type = String.valueOf(e.getRequestHeaders().getFirst("Content-Type")).toLowerCase(Locale.ROOT);
            boolean json = type.startsWith("application/json");
            if (!json && !type.startsWith("application/x-protobuf") && !type.startsWith("application/protobuf")) {
                counts.malformed.incrementAndGet();
                reply(e, 415, false, "Content-Type must be application/x-protobuf or application/json");
                return;
            }
            byte[] body = body(e);
            if (body == null) {
                counts.tooLarge.incrementAndGet();
                reply(e, 413, json, "the body is larger than " + maxBody + " bytes");
                return;
            }
            receive(e, body, traces, json);
        }
    }

    private void receive(HttpExchange e, byte[] body, boolean traces, boolean json) throws IOException {
        Received r;
        try {
            r = json ? (traces ? JsonDecoder.traces(body) : JsonDecoder.logs(body)) : traces ? ProtoDecoder.traces(body) : ProtoDecoder.logs(body);
        } catch (MalformedRequestException | RuntimeException bad) {
            counts.malformed.incrementAndGet();
            reply(e, 400, json, bad instanceof MalformedRequestException ? bad.getMessage() : "the request could not be read");
            return;
        }
        List<EntryMapper.Batch> batches = EntryMapper.map(r);
        List<List<ExecutionEntry>> checked = new ArrayList<>();
        for (EntryMapper.Batch b : batches) {
            checked.add(writers.checked(b.entries()));
        }
        boolean written = true;
        try {
            writers.open(batches);
            for (int i = 0; i < batches.size(); i++) {
                written &= writers.write(batches.get(i), checked.get(i));
                counts.entries.addAndGet(checked.get(i).size());
            }
        } catch (IOException | RuntimeException cannotOpen) {
            counts.busy.incrementAndGet();
            reply(e, 503, json, "cannot write the session: " + cannotOpen.getMessage());
            return;
        }
        counts.spans.addAndGet(r.spans().size());
        counts.logs.addAndGet(r.logs().size());
        if (!written) {
            counts.busy.incrementAndGet();
            reply(e, 503, json, "the log is not keeping up; send again later");
            return;
        }
        byte[] ok = json ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0]; // an empty Export*ServiceResponse
        e.getResponseHeaders().add("Content-Type", json ? "application/json" : "application/x-protobuf");
        e.sendResponseHeaders(200, ok.length == 0 ? -1 : ok.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(ok);
        }
    }

    private boolean authorised(String header) {
        byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }

    /** The body, gunzipped if so encoded; null when it (or what it unpacks to) is larger than the bound. */
    private byte[] body(HttpExchange e) throws IOException {
        InputStream raw = e.getRequestBody();
        String encoding = String.valueOf(e.getRequestHeaders().getFirst("Content-Encoding")).toLowerCase(Locale.ROOT);
        byte[] bytes = read(raw);
        if (bytes == null || !encoding.equals("gzip")) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return read(in);
        } catch (java.util.zip.ZipException broken) {
            return new byte[] {(byte) 0xff}; // not gzip: decoding it fails as a malformed request
        }
    }

    private byte[] read(InputStream in) throws IOException {
        byte[] out = in.readNBytes(maxBody + 1);
        if (out.length > maxBody) {
            in.transferTo(OutputStream.nullOutputStream());
            return null;
        }
        return out;
    }

    private static void reply(HttpExchange e, int status, boolean json, String message) throws IOException {
        byte[] body = OtlpStatus.encode(status, message, json);
        e.getResponseHeaders().add("Content-Type", json ? "application/json" : "application/x-protobuf");
        e.sendResponseHeaders(status, body.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(body);
        }
    }
}
