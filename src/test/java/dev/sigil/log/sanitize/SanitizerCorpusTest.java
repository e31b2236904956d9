package dev.sigil.log.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The corpus (src/test/resources/dev/sigil/log/sanitize/corpus.json, shared with the Python compat test): secrets
 * that must disappear, each with the exact text left behind, and look-alikes that must stay untouched.
 */
class SanitizerCorpusTest {

    static JsonNode corpus() throws IOException {
        try (InputStream in = SanitizerCorpusTest.class.getResourceAsStream("corpus.json")) {
            return new PythonJsonReader().read(in.readAllBytes());
        }
    }

    private final Sanitizer sanitizer = Sanitizer.builtIn();

    @TestFactory
    List<DynamicTest> secretsDisappear() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : corpus().get("secrets")) {
            String text = c.get("text").stringValue();
            tests.add(DynamicTest.dynamicTest(text, () -> {
                String clean = sanitizer.text(text);
                assertThat(clean).isEqualTo(c.get("expected").stringValue());
                assertThat(clean).doesNotContain(c.get("secret").stringValue());
                assertThat(sanitizer.text(clean)).as("idempotent").isEqualTo(clean);
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> lookAlikesStay() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : corpus().get("lookalikes")) {
            String text = c.stringValue();
            tests.add(DynamicTest.dynamicTest(text, () -> assertThat(sanitizer.text(text)).isSameAs(text)));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> metadataKeysAndValues() throws IOException {
        PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : corpus().get("metadata")) {
            String name = writer.encodeToString(c.get("in"));
            tests.add(DynamicTest.dynamicTest(name, () -> {
                ObjectNode entry = JsonNodeFactory.instance.objectNode();
                entry.put("message", "m");
                entry.set("metadata", c.get("in").deepCopy());
                sanitizer.entry(entry);
                assertThat(writer.encodeToString(entry.get("metadata"))).isEqualTo(writer.encodeToString(c.get("out")));
            }));
        }
        return tests;
    }

    @Test
    void extraPatternsFromTheConfigurationRunAfterTheBuiltInOnesWithLiteralReplacements() {
        Sanitizer s = Sanitizer.withExtraPatterns(List.of(SanitizePattern.of("acme-[0-9]{4}"), new SanitizePattern("internal\\.corp", "$1<host>")));
        assertThat(s.text("ticket ACME-1234 on internal.corp")).isEqualTo("ticket ***REDACTED*** on $1<host>");
    }

    @Test
    void anUnusableExtraPatternIsRefusedWithItsSyntaxError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SanitizePattern.of("(unclosed"))
                .hasMessageStartingWith("extra sanitization pattern '(unclosed' is not a valid regex: ");
    }
}
