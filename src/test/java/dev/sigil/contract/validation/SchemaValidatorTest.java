package dev.sigil.contract.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.ContractSchema;
import dev.sigil.contract.codec.PythonJsonReader;
import tools.jackson.databind.JsonNode;

/** The schema validator's own decisions: pointers and keywords, exact integer bounds, refusing broken schemas. */
class SchemaValidatorTest {

    private final PythonJsonReader reader = new PythonJsonReader();
    private final SchemaValidator contract = SchemaValidator.executionEntry();

    private List<Violation> check(String line) {
        return contract.validate(reader.read(line));
    }

    private static String entry(String tokens) {
        return "{\"timestamp\":\"2026-01-11T10:15:32\",\"session_id\":\"s\",\"event_type\":\"step_complete\",\"component\":\"routing\","
                + "\"message\":\"m\",\"tokens\":" + tokens + "}";
    }

    @Test
    void integerBoundsAreExactForDoublesToo() {
        assertThat(check(entry("9223372036854775807"))).isEmpty();
        assertThat(check(entry("9223372036854775808"))).extracting(Violation::pointer).containsExactly("/tokens");
        // 2^63 written as a float: networknt alone would cast it to Long.MAX_VALUE and let it pass.
        assertThat(check(entry("9.223372036854776e18"))).extracting(Violation::keyword).containsExactly("maximum");
        assertThat(check(entry("1e300"))).extracting(Violation::keyword).containsExactly("maximum");
        assertThat(check(entry("5.0"))).isEmpty();
        assertThat(check(entry("-0.0"))).isEmpty();
    }

    @Test
    void theCallersValueIsNotChanged() {
        JsonNode value = reader.read(entry("1e300"));
        contract.validate(value);
        assertThat(value.get("tokens").isDouble()).isTrue();
    }

    @Test
    void violationsNameThePointerAndTheKeyword() {
        List<Violation> v = check("{\"timestamp\":\"2026-01-11\",\"session_id\":\"s\",\"event_type\":\"nope\",\"component\":\"routing\","
                + "\"message\":\"m\",\"metadata\":{\"a/b\":1,\"latency_ms\":\"fast\"},\"extra\":1}");
        assertThat(v).extracting(Violation::describe).anyMatch(d -> d.startsWith("/timestamp: "))
                .anyMatch(d -> d.startsWith("/event_type: ")).anyMatch(d -> d.startsWith("/metadata/latency_ms: "));
        assertThat(v).extracting(Violation::keyword).contains("pattern", "enum", "type", "additionalProperties");
    }

    @Test
    void theBundledSchemaIsADraft7Schema() {
        SchemaValidator.of(ContractSchema.executionEntry());
    }

    @Test
    void aSchemaThatBreaksTheMetaSchemaIsRefused() {
        assertThatThrownBy(() -> SchemaValidator.of(reader.read("{\"type\": 5}"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a draft-07 schema: /type: ");
        assertThatThrownBy(() -> SchemaValidator.of(reader.read("{\"properties\": {\"a\": {\"minimum\": \"zero\"}}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/properties/a/minimum");
    }
}
