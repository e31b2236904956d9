package dev.sigil.otlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * A real OTLP/HTTP receiver for tests: the JDK's HttpServer on 127.0.0.1 (port 0, or the port it had before a
 * restart), decoding each request with the protocol's generated classes (opentelemetry-proto) and keeping them.
 * It can be stopped and started again on the same port, to play a collector outage.
 */
final class OtlpCollector implements AutoCloseable {

    private final List<ExportTraceServiceRequest> traces = new ArrayList<>();
    private final List<ExportLogsServiceRequest> logs = new ArrayList<>();
    private final List<ExportMetricsServiceRequest> metrics = new ArrayList<>();
    private final List<String> headers = new ArrayList<>();
    private final List<byte[]> refused = new ArrayList<>();
    private HttpServer server;
    private int port;
    private int refuseStatus;
    private int refusals;

    static OtlpCollector start() throws IOException {
        OtlpCollector c = new OtlpCollector();
        c.listen(0);
        return c;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Answers the next {@code times} requests with HTTP {@code status} and takes nothing of them (their bodies are kept). */
    synchronized void refuse(int status, int times) {
        refuseStatus = status;
        refusals = times;
    }

    /** The bodies of the requests answered by {@link #refuse}, as they came (before gunzipping). */
    synchronized List<byte[]> refused() {
        return List.copyOf(refused);
    }

    /** Listens again on the same port (a collector back from an outage). */
    synchronized void restart() throws IOException {
        listen(port);
    }

    private synchronized void listen(int on) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 0);
        server.createContext("/v1/traces", e -> handle(e, "traces"));
        server.createContext("/v1/logs", e -> handle(e, "logs"));
        server.createContext("/v1/metrics", e -> handle(e, "metrics"));
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        port = server.getAddress().getPort();
    }

    private void handle(HttpExchange e, String signal) throws IOException {
        try (e) {
            if (refusing(e)) {
                return;
            }
            byte[] body;
            try (InputStream in = "gzip".equals(e.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(e.getRequestBody()) : e.getRequestBody()) {
                body = in.readAllBytes();
            }
            byte[] answer;
            synchronized (this) {
                headers.add(String.valueOf(e.getRequestHeaders().getFirst("Authorization")));
                switch (signal) {
                    case "traces" -> {
                        traces.add(ExportTraceServiceRequest.parseFrom(body));
                        answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                    }
                    case "logs" -> {
                        logs.add(ExportLogsServiceRequest.parseFrom(body));
                        answer = ExportLogsServiceResponse.getDefaultInstance().toByteArray();
                    }
                    default -> {
                        metrics.add(ExportMetricsServiceRequest.parseFrom(body));
                        answer = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
                    }
                }
            }
            e.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            e.sendResponseHeaders(200, answer.length);
            try (OutputStream out = e.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private boolean refusing(HttpExchange e) throws IOException {
        int status;
        synchronized (this) {
            if (refusals == 0) {
                return false;
            }
            refusals--;
            status = refuseStatus;
            refused.add(e.getRequestBody().readAllBytes());
        }
        e.sendResponseHeaders(status, -1);
        return true;
    }

    /** Every span received, with the resource and scope it came under. */
    synchronized List<Received<Span>> spans() {
        List<Received<Span>> out = new ArrayList<>();
        for (ExportTraceServiceRequest r : traces) {
            for (ResourceSpans rs : r.getResourceSpansList()) {
                for (ScopeSpans ss : rs.getScopeSpansList()) {
                    for (Span s : ss.getSpansList()) {
                        out.add(new Received<>(rs.getResource(), ss.getScope(), s));
                    }
                }
            }
        }
        return out;
    }

    synchronized List<Received<LogRecord>> records() {
        List<Received<LogRecord>> out = new ArrayList<>();
        for (ExportLogsServiceRequest r : logs) {
            for (ResourceLogs rl : r.getResourceLogsList()) {
                for (ScopeLogs sl : rl.getScopeLogsList()) {
                    for (LogRecord l : sl.getLogRecordsList()) {
                        out.add(new Received<>(rl.getResource(), sl.getScope(), l));
                    }
                }
            }
        }
        return out;
    }

    synchronized List<ExportMetricsServiceRequest> metrics() {
        return List.copyOf(metrics);
    }

    synchronized List<String> authorizations() {
        return List.copyOf(headers);
    }

    synchronized void clear() {
        traces.clear();
        logs.clear();
        metrics.clear();
        headers.clear();
    }

    /** An item with where it came from. */
    record Received<T>(io.opentelemetry.proto.resource.v1.Resource resource, io.opentelemetry.proto.common.v1.InstrumentationScope scope,
                       T item) {
    }

    @Override
    public void close() {
        stop();
    }
}
