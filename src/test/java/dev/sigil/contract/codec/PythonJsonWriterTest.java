package dev.sigil.contract.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The byte form of docs/contract.md section 6, rule by rule. */
class PythonJsonWriterTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);
    private final PythonJsonWriter strict = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);

    private String string(String s) {
        return writer.encodeToString(NODES.stringNode(s));
    }

    /** ensure_ascii: space..~ as themselves (but " and \), the seven short escapes, everything else \\u with lower-case hex. */
    @Test
    void everyAsciiCharacterIsWrittenAsEnsureAsciiSays() {
        for (char c = 0; c < 0x80; c++) {
            String expected = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                default -> c >= 0x20 && c <= 0x7e ? String.valueOf(c) : String.format("\\u%04x", (int) c);
            };
            assertThat(string(String.valueOf(c))).as("U+%04X", (int) c).isEqualTo("\"" + expected + "\"");
        }
    }

    @Test
    void nonAsciiIsEscapedWithLowerCaseHexAndSurrogatePairs() {
        assertThat(string("caf\u00e9")).isEqualTo("\"caf\\u00e9\"");
        assertThat(string("\u6f22\u2028\ufeff\uffff")).isEqualTo("\"\\u6f22\\u2028\\ufeff\\uffff\"");
        assertThat(string("\ud83d\ude00")).isEqualTo("\"\\ud83d\\ude00\"");
        assertThat(string(new String(Character.toChars(0x10FFFF)))).isEqualTo("\"\\udbff\\udfff\"");
        assertThat(string("\ud800x\udc00")).isEqualTo("\"\\ud800x\\udc00\"");
        assertThat(string("/")).isEqualTo("\"/\"");
    }

    @Test
    void keysKeepTheirOrderAndNothingIsSpaced() {
        ObjectNode o = NODES.objectNode();
        o.put("z", 1);
        o.putArray("a").add(true).add(false).addNull();
        o.putObject("m");
        o.put("\u00fc", "x");
        assertThat(writer.encodeToString(o)).isEqualTo("{\"z\":1,\"a\":[true,false,null],\"m\":{},\"\\u00fc\":\"x\"}");
    }

    @Test
    void integersOfAnySizeUpToCPythonsLimit() {
        assertThat(writer.encodeToString(NODES.numberNode(Long.MIN_VALUE))).isEqualTo("-9223372036854775808");
        BigInteger big = BigInteger.TEN.pow(4299).negate();
        assertThat(writer.encodeToString(NODES.numberNode(big))).isEqualTo(big.toString());
        ObjectNode o = NODES.objectNode();
        o.putArray("a/b").add(NODES.numberNode(BigInteger.TEN.pow(4300)));
        assertThatThrownBy(() -> writer.encode(o)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("/a~1b/0: ").hasMessageContaining("4301 digits");
    }

    @Test
    void floatsAreWrittenAsPythonsRepr() {
        assertThat(writer.encodeToString(NODES.numberNode(1100.0))).isEqualTo("1100.0");
        assertThat(writer.encodeToString(NODES.numberNode(Double.MIN_VALUE))).isEqualTo("5e-324");
        assertThat(writer.encodeToString(NODES.numberNode(0.1f))).isEqualTo("0.10000000149011612");
    }

    @Test
    void nonFiniteNumbersAreLiteralsOrRefusedWithTheirPointer() {
        JsonNode values = NODES.arrayNode().add(Double.NaN).add(Double.POSITIVE_INFINITY).add(Double.NEGATIVE_INFINITY);
        assertThat(writer.encodeToString(values)).isEqualTo("[NaN,Infinity,-Infinity]");
        ObjectNode entry = NODES.objectNode();
        entry.putObject("metadata").put("latency_ms", Double.NaN);
        assertThatThrownBy(() -> strict.encode(entry)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("/metadata/latency_ms: ");
    }

    @Test
    void decimalsHaveNoCPythonFloatForm() {
        assertThatThrownBy(() -> writer.encode(NODES.numberNode(new BigDecimal("0.1")))).isInstanceOf(IllegalArgumentException.class);
    }
}
