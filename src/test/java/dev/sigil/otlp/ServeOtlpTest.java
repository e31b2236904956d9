package dev.sigil.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.LogEventDecoder;
import dev.sigil.contract.validation.SchemaValidator;
import dev.sigil.contract.validation.UsageRules;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import tools.jackson.databind.JsonNode;

/**
 * {@code sigil serve --otlp} as a receiver: requests built by the opentelemetry-java SDK itself (a GenAI-instrumented
 * agent's chat spans and log records) become a contract-valid session whose token sums are the spans'; a round trip
 * (sigil export otlp of a generated log into sigil serve) loses no line and no token; malformed, unauthorised and
 * oversized requests get OTLP's error statuses and counts, and nothing of them is written.
 */
class ServeOtlpTest {

    @TempDir
    Path dir;

    private Map<String, String> env() {
        return Map.of("HOME", dir.resolve("home").toString());
    }

    @Test
    void requestsBuiltByTheSdkBecomeAValidSession() throws Exception {
        Path root = dir.resolve("logs");
        long input = 0;
        long output = 0;
        try (ServeRun serve = new ServeRun(env(), "serve", "--otlp", "--port", "0", "-l", root.toString())) {
            assertThat(serve.listening()).as(serve.err()).isTrue();
            Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "support-bot",
                    AttributeKey.stringKey("service.instance.id"), "i-1")));
            SdkTracerProvider tracing = SdkTracerProvider.builder().setResource(resource)
                    .addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder().setEndpoint(serve.url() + "/v1/traces").build()).build())
                    .build();
            SdkLoggerProvider logging = SdkLoggerProvider.builder().setResource(resource)
                    .addLogRecordProcessor(BatchLogRecordProcessor.builder(OtlpHttpLogRecordExporter.builder().setEndpoint(serve.url() + "/v1/logs").build()).build())
                    .build();
            Tracer tracer = tracing.get("openllmetry-like");
            Logger logger = logging.get("openllmetry-like");
            Span agent = tracer.spanBuilder("invoke_agent support").setAttribute("gen_ai.operation.name", "invoke_agent").startSpan();
            try (Scope s = agent.makeCurrent()) {
                for (int i = 0; i < 50; i++) {
                    long in = 1000 + i * 37L;
                    long out = 100 + i;
                    input += in;
                    output += out;
                    Span chat = tracer.spanBuilder("chat gpt-4o").setSpanKind(SpanKind.CLIENT).setAttribute("gen_ai.operation.name", "chat")
                            .setAttribute("gen_ai.provider.name", "openai").setAttribute("gen_ai.request.model", "gpt-4o")
                            .setAttribute("gen_ai.usage.input_tokens", in).setAttribute("gen_ai.usage.output_tokens", out).startSpan();
                    if (i == 7) {
                        chat.setStatus(StatusCode.ERROR, "rate limited");
                        chat.setAttribute("error.type", "429");
                    }
                    chat.end();
                    logger.logRecordBuilder().setSeverity(i % 10 == 0 ? Severity.ERROR : Severity.INFO).setBody("answered question " + i).emit();
                }
            } finally {
                agent.end();
            }
            assertThat(tracing.shutdown().join(20, TimeUnit.SECONDS).isSuccess()).isTrue();
            assertThat(logging.shutdown().join(20, TimeUnit.SECONDS).isSuccess()).isTrue();
            assertThat(serve.stop()).isEqualTo(130);
            assertThat(serve.err()).contains("51 spans and 50 log records").contains("0 malformed");
        }
        List<Path> sessions;
        try (var list = Files.list(root.resolve("sessions"))) {
            sessions = list.toList();
        }
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).getFileName().toString()).startsWith("otlp-support-bot-");
        List<LogEvent> events = validLines(sessions.get(0).resolve("execution.jsonl"));
        assertThat(events).hasSize(1 + 51 + 50);
        assertThat(events.get(0).eventType()).isEqualTo("session_start");
        assertThat(events.stream().mapToLong(e -> e.usage().inputTokens()).sum()).isEqualTo(input);
        assertThat(events.stream().mapToLong(e -> e.usage().outputTokens()).sum()).isEqualTo(output);
        assertThat(events.stream().filter(e -> e.usage().hasModel()).map(e -> e.usage().model()).distinct()).containsExactly("openai:gpt-4o");
        assertThat(events.stream().filter(e -> e.eventType().equals("step_error")).count()).isEqualTo(1);
        assertThat(events.stream().filter(e -> e.eventType().equals("error")).count()).isEqualTo(5);
        assertThat(events.stream().filter(e -> e.message().startsWith("answered question")).count()).isEqualTo(50);
        JsonNode total = report(sessions.get(0), "model").path(report(sessions.get(0), "model").size() - 1).path("total");
        assertThat(total.path("input_tokens").longValue()).as("sigil report of the written session").isEqualTo(input);
        assertThat(total.path("output_tokens").longValue()).isEqualTo(output);
    }

    @Test
    void aRoundTripLosesNothing() throws Exception {
        Path log = dir.resolve("sessions/trip-1/execution.jsonl");
        GeneratedLog.write(log, "trip-1", 3000, 31);
        Path root = dir.resolve("received");
        try (ServeRun serve = new ServeRun(env(), "serve", "--otlp", "--port", "0", "-l", root.toString())) {
            SigilRun export = SigilRun.run(env(), "export", "otlp", "--endpoint", serve.url(), log.toString());
            assertThat(export.exitCode()).as(export.out() + export.err()).isZero();
            assertThat(serve.stop()).isEqualTo(130);
        }
        assertThat(report(log, "model").size()).as("rows of four models and the total").isEqualTo(GeneratedLog.MODELS.size() + 2);
        for (String by : List.of("model", "component", "operation", "session", "tree")) {
            assertThat(report(root.resolve("sessions/trip-1/execution.jsonl"), by)).as("sigil report --by " + by).isEqualTo(report(log, by));
        }
        List<LogEvent> before = validLines(log);
        List<LogEvent> after = validLines(root.resolve("sessions/trip-1/execution.jsonl"));
        assertThat(summary(after)).isEqualTo(summary(before));
        assertThat(after).hasSize(before.size());
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).message()).isEqualTo(before.get(i).message());
            assertThat(after.get(i).usage()).isEqualTo(before.get(i).usage());
            assertThat(after.get(i).timestamp()).isEqualTo(before.get(i).timestamp());
        }
    }

    @Test
    void badRequestsAreAnsweredAndCountedAndNothingIsWritten() throws Exception {
        Path root = dir.resolve("bad");
        HttpClient http = HttpClient.newHttpClient();
        try (ServeRun serve = new ServeRun(env(), "serve", "--otlp", "--port", "0", "--token", "s3cret", "--max-body", "4096", "-l", root.toString())) {
            String url = serve.url();
            assertThat(post(http, url + "/v1/traces", "application/x-protobuf", new byte[] {(byte) 0xff, 1, 2}, "s3cret").statusCode()).isEqualTo(400);
            assertThat(post(http, url + "/v1/logs", "application/json", "{\"resourceLogs\": 5}".getBytes(StandardCharsets.UTF_8), "s3cret").statusCode())
                    .isEqualTo(400);
            assertThat(post(http, url + "/v1/logs", "application/json", "{\"resourceLogs\":[]}".getBytes(StandardCharsets.UTF_8), "wrong").statusCode())
                    .isEqualTo(401);
            assertThat(post(http, url + "/v1/logs", "application/json", new byte[5000], "s3cret").statusCode()).isEqualTo(413);
            assertThat(post(http, url + "/v1/logs", "text/plain", new byte[3], "s3cret").statusCode()).isEqualTo(415); // counted as malformed
            assertThat(post(http, url + "/v1/metrics", "application/json", new byte[3], "s3cret").statusCode()).isEqualTo(404);
            String json = "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"j\"}}]},"
                    + "\"scopeLogs\":[{\"scope\":{\"name\":\"x\"},\"logRecords\":[{\"timeUnixNano\":\"1764500000000000000\",\"severityNumber\":9,"
                    + "\"body\":{\"stringValue\":\"hello\"},\"attributes\":[{\"key\":\"gen_ai.usage.input_tokens\",\"value\":{\"intValue\":\"12\"}},"
                    + "{\"key\":\"gen_ai.usage.output_tokens\",\"value\":{\"intValue\":3}},{\"key\":\"gen_ai.request.model\",\"value\":{\"stringValue\":\"m-1\"}}],"
                    + "\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"eee19b7ec3c1b174\"}]}]}]}";
            HttpResponse<byte[]> ok = post(http, url + "/v1/logs", "application/json", json.getBytes(StandardCharsets.UTF_8), "s3cret");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(serve.stop()).isEqualTo(130);
            assertThat(serve.err()).contains("refused: 3 malformed, 1 without the token, 1 too large").contains("7 requests");
        }
        try (var list = Files.list(root.resolve("sessions"))) {
            List<Path> sessions = list.toList();
            assertThat(sessions).hasSize(1);
            List<LogEvent> events = validLines(sessions.get(0).resolve("execution.jsonl"));
            assertThat(events).extracting(LogEvent::eventType).containsExactly("session_start", "reasoning_step");
            assertThat(events.get(1).usage().model()).isEqualTo("unknown:m-1");
            assertThat(events.get(1).usage().totalTokens()).isEqualTo(15);
            assertThat(events.get(1).timestamp()).isEqualTo("2025-11-30T10:53:20+00:00");
        }
    }

    @Test
    void otherAddressesNeedATokenOrInsecure() {
        SigilRun refused = SigilRun.run(env(), "serve", "--otlp", "--bind", "0.0.0.0", "--port", "0", "-l", dir.resolve("x").toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--bind 0.0.0.0 is reachable from other machines: give --token");
        // without --otlp, the default mode (the monitoring stream, docs/remote.md) has the same rule
        SigilRun stream = SigilRun.run(env(), "serve", "--bind", "0.0.0.0", "--port", "0", "-l", dir.resolve("x").toString());
        assertThat(stream.exitCode()).isEqualTo(2);
        assertThat(stream.err()).contains("--bind 0.0.0.0 is reachable from other machines: give --token");
    }

    private static HttpResponse<byte[]> post(HttpClient http, String url, String type, byte[] body, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** {@code sigil report LOG --by BY --format json}: its rows, then the total. */
    private JsonNode report(Path log, String by) {
        SigilRun run = SigilRun.run(env(), "report", log.toString(), "--by", by, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String json = run.out().isEmpty() ? run.stdout() : run.out();
        return new PythonJsonReader().read(json.strip());
    }

    /** Every line of {@code log}, each checked against the contract (schema and usage rules), as readers see it. */
    static List<LogEvent> validLines(Path log) throws IOException {
        SchemaValidator validator = SchemaValidator.executionEntry();
        PythonJsonReader reader = new PythonJsonReader();
        List<LogEvent> out = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            JsonNode json = reader.read(line);
            assertThat(validator.validate(json)).as(line).isEmpty();
            assertThat(UsageRules.ofEntry(json)).as(line).isEmpty();
            out.add(LogEventDecoder.decode(json));
        }
        return out;
    }

    /** Lines and tokens by event type and component, usage by model: what a report of the session adds up. */
    static Map<String, List<Long>> summary(List<LogEvent> events) {
        Map<String, List<Long>> m = new TreeMap<>();
        for (LogEvent e : events) {
            add(m, e.eventType() + "/" + e.component(), 1, e.tokens());
            if (e.usage().hasModel()) {
                add(m, "model " + e.usage().model(), e.usage().inputTokens(), e.usage().outputTokens());
                add(m, "cache " + e.usage().model(), e.usage().cacheReadTokens(), e.usage().cacheWriteTokens());
            }
        }
        return m;
    }

    private static void add(Map<String, List<Long>> m, String key, long a, long b) {
        List<Long> v = m.computeIfAbsent(key, k -> new ArrayList<>(List.of(0L, 0L)));
        v.set(0, v.get(0) + a);
        v.set(1, v.get(1) + b);
    }
}
