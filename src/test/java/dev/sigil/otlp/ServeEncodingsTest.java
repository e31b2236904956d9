package dev.sigil.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.protobuf.ByteString;
import dev.sigil.contract.codec.PythonJsonReader;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import tools.jackson.databind.JsonNode;

/**
 * The encodings {@code sigil serve --otlp} takes, as clients send them: OTLP/JSON traces with the proto field names
 * (snake_case, as some exporters write them) and protobuf logs, both gzip-compressed, with attribute values of every
 * kind OTLP has (string, bool, int as number and as string, double, bytes, array, key-value list); and what it
 * refuses: a body that claims gzip but is not, a GET, a value of the wrong type, an id of the wrong length.
 */
class ServeEncodingsTest {

    @TempDir
    Path dir;

    private static final String ATTRIBUTES = "[{\"key\":\"s\",\"value\":{\"string_value\":\"x\"}},{\"key\":\"b\",\"value\":{\"bool_value\":true}},"
            + "{\"key\":\"i\",\"value\":{\"int_value\":42}},{\"key\":\"i2\",\"value\":{\"int_value\":\"7\"}},{\"key\":\"d\",\"value\":{\"double_value\":1.5}},"
            + "{\"key\":\"by\",\"value\":{\"bytes_value\":\"AQI=\"}},"
            + "{\"key\":\"arr\",\"value\":{\"array_value\":{\"values\":[{\"int_value\":1},{\"string_value\":\"two\"}]}}},"
            + "{\"key\":\"kv\",\"value\":{\"kvlist_value\":{\"values\":[{\"key\":\"k\",\"value\":{\"string_value\":\"v\"}}]}}}]";

    @Test
    void everyValueKindInBothEncodingsGzipped() throws Exception {
        Path root = dir.resolve("logs");
        HttpClient http = HttpClient.newHttpClient();
        try (ServeRun serve = new ServeRun(Map.of("HOME", dir.toString()), "serve", "--otlp", "--port", "0", "-l", root.toString())) {
            String url = serve.url();
            String traces = "{\"resource_spans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"string_value\":\"enc\"}}]},"
                    + "\"scope_spans\":[{\"scope\":{\"name\":\"lib\"},\"spans\":[{\"trace_id\":\"5B8EFFF798038103D269B633813FC60C\","
                    + "\"span_id\":\"eee19b7ec3c1b174\",\"name\":\"tool call\",\"kind\":3,\"start_time_unix_nano\":\"1764500000000000000\","
                    + "\"end_time_unix_nano\":\"1764500000250000000\",\"attributes\":" + ATTRIBUTES + ",\"status\":{\"code\":1}}]}]}]}";
            assertThat(post(http, url + "/v1/traces", "application/json", gzip(traces.getBytes(StandardCharsets.UTF_8)), true).statusCode()).isEqualTo(200);

            ExportLogsServiceRequest logs = ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
                    .setResource(Resource.newBuilder().addAttributes(kv("service.name", AnyValue.newBuilder().setStringValue("enc").build())))
                    .addScopeLogs(ScopeLogs.newBuilder().setScope(InstrumentationScope.newBuilder().setName("lib"))
                            .addLogRecords(LogRecord.newBuilder().setTimeUnixNano(1_764_500_001_000_000_000L).setSeverityNumberValue(13)
                                    .setBody(AnyValue.newBuilder().setStringValue("a warning"))
                                    .addAttributes(kv("d", AnyValue.newBuilder().setDoubleValue(0.25).build()))
                                    .addAttributes(kv("by", AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(new byte[] {1, 2})).build()))
                                    .addAttributes(kv("arr", AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder()
                                            .addValues(AnyValue.newBuilder().setBoolValue(false)).addValues(AnyValue.newBuilder().setIntValue(-3))).build()))
                                    .addAttributes(kv("kv", AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder()
                                            .addValues(kv("k", AnyValue.newBuilder().setStringValue("v").build()))).build())))))
                    .build();
            assertThat(post(http, url + "/v1/logs", "application/x-protobuf", gzip(logs.toByteArray()), true).statusCode()).isEqualTo(200);

            assertThat(post(http, url + "/v1/logs", "application/x-protobuf", logs.toByteArray(), true).statusCode()).as("not gzip").isEqualTo(400);
            HttpResponse<byte[]> get = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/logs")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(get.statusCode()).isEqualTo(405);
            String wrongType = traces.replace("{\"bool_value\":true}", "{\"bool_value\":\"yes\"}");
            assertThat(post(http, url + "/v1/traces", "application/json", wrongType.getBytes(StandardCharsets.UTF_8), false).statusCode()).isEqualTo(400);
            String shortId = traces.replace("eee19b7ec3c1b174", "eee19b7e");
            assertThat(post(http, url + "/v1/traces", "application/json", shortId.getBytes(StandardCharsets.UTF_8), false).statusCode()).isEqualTo(400);
            assertThat(serve.stop()).isEqualTo(130);
            assertThat(serve.err()).contains("received 6 requests: 1 span and 1 log record").contains("refused: 3 malformed");
        }
        List<Path> sessions;
        try (var list = Files.list(root.resolve("sessions"))) {
            sessions = list.toList();
        }
        assertThat(sessions).hasSize(1);
        List<JsonNode> lines = Files.readAllLines(sessions.get(0).resolve("execution.jsonl"), StandardCharsets.UTF_8).stream()
                .map(l -> new PythonJsonReader().read(l)).toList();
        assertThat(lines).extracting(l -> l.path("event_type").asString()).containsExactly("session_start", "step_complete", "reasoning_step");
        JsonNode span = lines.get(1).path("metadata");
        assertThat(span.path("latency_ms").doubleValue()).isEqualTo(250.0);
        assertThat(span.path("otlp").path("trace_id").asString()).isEqualTo("5b8efff798038103d269b633813fc60c");
        assertThat(span.path("otlp").path("attributes").toString())
                .isEqualTo("{\"s\":\"x\",\"b\":true,\"i\":42,\"i2\":7,\"d\":1.5,\"by\":\"AQI=\",\"arr\":[1,\"two\"],\"kv\":{\"k\":\"v\"}}");
        JsonNode log = lines.get(2);
        assertThat(log.path("message").asString()).isEqualTo("a warning");
        assertThat(log.path("metadata").path("otlp").path("attributes").toString())
                .isEqualTo("{\"d\":0.25,\"by\":\"AQI=\",\"arr\":[false,-3],\"kv\":{\"k\":\"v\"}}");
    }

    private static KeyValue kv(String key, AnyValue value) {
        return KeyValue.newBuilder().setKey(key).setValue(value).build();
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(body);
        }
        return out.toByteArray();
    }

    private static HttpResponse<byte[]> post(HttpClient http, String url, String type, byte[] body, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (gzip) {
            b.header("Content-Encoding", "gzip");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
