package dev.sigil.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The OTEL_* variables as the SDK configuration specification reads them, a flag winning over them. */
class OtlpSettingsTest {

    @Test
    void theFlagIsTheBaseAndSignalPathsAreAppended() {
        OtlpSettings s = OtlpSettings.of("http://h:4318/", "--otlp", Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://other/x"), "1");
        assertThat(s.traces()).hasToString("http://h:4318/v1/traces");
        assertThat(s.logs()).hasToString("http://h:4318/v1/logs");
        assertThat(s.metrics()).hasToString("http://h:4318/v1/metrics");
        assertThat(s.shownEndpoint()).isEqualTo("http://h:4318");
    }

    @Test
    void theVariablesWhenNoFlag() {
        OtlpSettings s = OtlpSettings.of(null, "--endpoint", Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "https://c.example:4318",
                "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "https://logs.example/ingest", "OTEL_EXPORTER_OTLP_HEADERS", "api-key=a%2Cb, x-team = red ",
                "OTEL_EXPORTER_OTLP_COMPRESSION", "gzip", "OTEL_EXPORTER_OTLP_TIMEOUT", "2500", "OTEL_SERVICE_NAME", "agent",
                "OTEL_RESOURCE_ATTRIBUTES", "service.name=ignored,deployment.environment=prod"), "1");
        assertThat(s.traces()).hasToString("https://c.example:4318/v1/traces");
        assertThat(s.logs()).hasToString("https://logs.example/ingest");
        assertThat(s.headers()).containsEntry("api-key", "a,b").containsEntry("x-team", "red");
        assertThat(s.gzip()).isTrue();
        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(s.service().values()).containsEntry("service.name", "agent").containsEntry("deployment.environment", "prod");
    }

    @Test
    void mistakesNameTheirSource() {
        assertThatThrownBy(() -> OtlpSettings.of(null, "--endpoint", Map.of(), "1")).hasMessageContaining("give --endpoint URL");
        assertThatThrownBy(() -> OtlpSettings.of("h:1", "--otlp", Map.of(), "1")).hasMessageContaining("--otlp");
        assertThatThrownBy(() -> OtlpSettings.of("http://h", "--otlp", Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json"), "1"))
                .hasMessageContaining("http/json is not supported");
        assertThatThrownBy(() -> OtlpSettings.of("http://h", "--otlp", Map.of("OTEL_EXPORTER_OTLP_HEADERS", "novalue"), "1"))
                .hasMessageContaining("OTEL_EXPORTER_OTLP_HEADERS: 'novalue' is not key=value");
        assertThatThrownBy(() -> OtlpSettings.of("http://h", "--otlp", Map.of("OTEL_EXPORTER_OTLP_TIMEOUT", "-1"), "1"))
                .hasMessageContaining("OTEL_EXPORTER_OTLP_TIMEOUT");
    }
}
