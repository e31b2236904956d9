package dev.sigil.contract.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import dev.sigil.compat.NeutralForm;
import dev.sigil.testing.JsonArbitraries;
import dev.sigil.testing.JsonTextArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;

/** The codec on its own (CPython decides in the compat properties): round trips, pure ASCII, readable refusals. */
class PythonJsonCodecProperties {

    private final PythonJsonReader reader = new PythonJsonReader();
    private final PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);

    @Provide
    Arbitrary<JsonNode> values() {
        return JsonArbitraries.values();
    }

    @Property(tries = 3000)
    void whatIsWrittenReadsBackToTheSameValue(@ForAll("values") JsonNode value) {
        byte[] bytes = writer.encode(value);
        assertThat(NeutralForm.of(reader.read(bytes))).isEqualTo(NeutralForm.of(value));
    }

    @Property(tries = 3000)
    void theOutputIsPrintableAscii(@ForAll("values") JsonNode value) {
        for (byte b : writer.encode(value)) {
            assertThat(b).isBetween((byte) 0x20, (byte) 0x7e);
        }
    }

    @Property(tries = 2000)
    void writingIsIdempotentThroughReading(@ForAll("values") JsonNode value) {
        byte[] once = writer.encode(value);
        assertThat(writer.encode(reader.read(once))).isEqualTo(once);
    }

    @Provide
    Arbitrary<byte[]> lines() {
        return JsonTextArbitraries.lines();
    }

    /** A refusal names a column within the line and says what is wrong in sigil's words, never Jackson's. */
    @Property(tries = 3000)
    void refusalsAreReadable(@ForAll("lines") byte[] line) {
        try {
            reader.read(line);
        } catch (JsonSyntaxException e) {
            int characters = new String(line, StandardCharsets.UTF_8).codePointCount(0, new String(line, StandardCharsets.UTF_8).length());
            assertThat(e.column()).isBetween(1, characters + 1);
            assertThat(e.reason()).isNotBlank().doesNotContain("Unexpected", "(code", "CTRL-CHAR", "JsonToken", "VALUE_", "Jackson",
                    "REDACTED", "\n", "Illegal", "Unrecognized");
        }
    }
}
