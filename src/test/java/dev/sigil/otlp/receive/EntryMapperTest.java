package dev.sigil.otlp.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.model.ExecutionEntry;

/** Foreign OTLP JSON into entries: the usage record (Anthropic-style cache counts put right), errors, sessions. */
class EntryMapperTest {

    private static byte[] spans(String attributes, String status) {
        return ("{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"my agent\"}}]},"
                + "\"scopeSpans\":[{\"scope\":{\"name\":\"opentelemetry.instrumentation.anthropic\"},\"spans\":[{\"traceId\":"
                + "\"5B8EFFF798038103D269B633813FC60C\",\"spanId\":\"eee19b7ec3c1b174\",\"name\":\"chat claude\",\"kind\":3,"
                + "\"startTimeUnixNano\":\"1764500000000000000\",\"endTimeUnixNano\":1764500001500000000,\"attributes\":[" + attributes
                + "],\"status\":" + status + "}]}]}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String attr(String key, String value) {
        return "{\"key\":\"" + key + "\",\"value\":" + value + "}";
    }

    @Test
    void aChatSpanIsAStepWithItsUsage() throws Exception {
        String a = String.join(",", attr("gen_ai.operation.name", "{\"stringValue\":\"chat\"}"), attr("gen_ai.system", "{\"stringValue\":\"anthropic\"}"),
                attr("gen_ai.request.model", "{\"stringValue\":\"claude-sonnet-4-5-20250929\"}"), attr("gen_ai.usage.input_tokens", "{\"intValue\":\"100\"}"),
                attr("gen_ai.usage.output_tokens", "{\"intValue\":20}"), attr("gen_ai.usage.cache_read.input_tokens", "{\"intValue\":300}"),
                attr("tags", "{\"arrayValue\":{\"values\":[{\"stringValue\":\"a\"},{\"boolValue\":true}]}}"));
        List<EntryMapper.Batch> batches = EntryMapper.map(JsonDecoder.traces(spans(a, "{\"code\":2,\"message\":\"overloaded\"}")));
        assertThat(batches).singleElement().satisfies(b -> {
            assertThat(b.session()).startsWith("otlp-my-agent-").hasSize("otlp-my-agent-".length() + 12);
            ExecutionEntry e = b.entries().get(0);
            assertThat(e.eventType().wireName()).isEqualTo("step_error");
            assertThat(e.component().wireName()).isEqualTo("reasoning");
            assertThat(e.tokens()).isEqualTo(420);
            assertThat(e.timestamp()).isEqualTo("2025-11-30T10:53:21.500000+00:00");
            var m = e.metadata().toJsonNode();
            assertThat(m.get("tokens_used").toString()).isEqualTo(
                    "{\"input_tokens\":400,\"output_tokens\":20,\"total_tokens\":420,\"model\":\"anthropic:claude-sonnet-4-5-20250929\",\"cache_read_tokens\":300}");
            assertThat(m.get("latency_ms").doubleValue()).isEqualTo(1500.0);
            assertThat(m.get("error").stringValue()).isEqualTo("overloaded");
            assertThat(m.get("otlp").get("trace_id").stringValue()).isEqualTo("5b8efff798038103d269b633813fc60c");
            assertThat(m.get("otlp").get("attributes").get("tags").toString()).isEqualTo("[\"a\",true]");
        });
    }

    @Test
    void malformedJsonIsRefusedWithItsReason() {
        assertThatThrownBy(() -> JsonDecoder.traces(spans("", "{\"code\":\"x\"}"))).isInstanceOf(MalformedRequestException.class)
                .hasMessageContaining("code is not an integer");
        assertThatThrownBy(() -> JsonDecoder.traces("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"zz\"}]}]}]}"
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("traceId is not 32 hex digits");
        assertThatThrownBy(() -> JsonDecoder.logs("[1]".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("not an object");
    }
}
