package dev.sigil.contract.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/** Every reading decision of docs/contract.md section 7. */
class PythonJsonReaderTest {

    private final PythonJsonReader reader = new PythonJsonReader();
    private final PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);

    private String fmt(String line) {
        return writer.encodeToString(reader.read(line));
    }

    private JsonSyntaxException refusal(byte[] line) {
        try {
            reader.read(line);
        } catch (JsonSyntaxException e) {
            return e;
        }
        throw new AssertionError("accepted: " + new String(line, StandardCharsets.UTF_8));
    }

    private JsonSyntaxException refusal(String line) {
        return refusal(line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsWhatCPythonAcceptsBeyondRfc8259() {
        assertThat(fmt("[NaN, Infinity, -Infinity]")).isEqualTo("[NaN,Infinity,-Infinity]");
        assertThat(reader.read("1e400").doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(reader.read("-1e400").doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(fmt("\"\\ud800\"")).isEqualTo("\"\\ud800\"");
        assertThat(fmt("{\"\\udc00\": [\"\\ud800\\u0041\"]}")).isEqualTo("{\"\\udc00\":[\"\\ud800A\"]}");
        assertThat(fmt("42")).isEqualTo("42");
        assertThat(fmt("\"top\"")).isEqualTo("\"top\"");
        assertThat(fmt(" \t[1]\r\n")).isEqualTo("[1]");
    }

    @Test
    void duplicateKeysKeepTheFirstPositionAndTheLastValue() {
        assertThat(fmt("{\"a\":1,\"b\":2,\"a\":3}")).isEqualTo("{\"a\":3,\"b\":2}");
        assertThat(fmt("{\"a\":1,\"\\u0061\":2}")).isEqualTo("{\"a\":2}");
        // the same with names that only CPython accepts, and spelled two ways
        assertThat(fmt("{\"\\ud800\":1,\"b\":2,\"\\uD800\":3}")).isEqualTo("{\"\\ud800\":3,\"b\":2}");
    }

    @Test
    void numbersKeepTheirKind() {
        assertThat(reader.read("1").isIntegralNumber()).isTrue();
        assertThat(fmt("[1, 1.0, 1e2, 1E-2, -0, -0.0, 0e0, 12345678901234567890123]"))
                .isEqualTo("[1,1.0,100.0,0.01,0,-0.0,0.0,12345678901234567890123]");
        assertThat(Double.doubleToRawLongBits(reader.read("-0.0").doubleValue())).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void integersUpTo4300Digits() {
        String digits = "9".repeat(4300);
        assertThat(reader.read(digits).bigIntegerValue()).isEqualTo(new BigInteger(digits));
        assertThat(reader.read("-" + digits).bigIntegerValue()).isEqualTo(new BigInteger("-" + digits));
        assertThat(refusal("9" + digits).reason()).contains("4301 digits");
        assertThat(refusal("[-9" + digits + "]").reason()).contains("4301 digits");
        // floats have no such limit
        assertThat(reader.read("1" + "0".repeat(5000) + ".0").doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1", "01", "-01", "1.", ".5", "-INF", "INF", "+Infinity", "-NaN", "nan", "infinity", "[1,]",
        "{\"a\":1,}", "{'a':1}", "[1] // c", "/* c */ 1", "[1] x", "1 2", "", "   ", "True", "nul", "\"a", "[", "{\"a\" 1}",
        "\"\\x\"", "\"\\u12\"", "\"\\U0041\"", "{1:2}", "\"tab\there\"", "\"nul\u0000\"", "\u000c1", "1\u000b", "\u00a01", "-:", "[-:]"})
    void refusesWhatCPythonRefuses(String line) {
        JsonSyntaxException e = refusal(line);
        assertThat(e.column()).isBetween(1, line.codePointCount(0, line.length()) + 1);
        assertThat(e.reason()).doesNotContain("Unexpected", "(code", "CTRL-CHAR", "JsonToken", "VALUE_", "\n");
    }

    @Test
    void refusesInvalidUtf8AtItsCharacterColumn() {
        byte[][] invalid = {
            {'"', (byte) 0xc3, (byte) 0xa9, (byte) 0xff, '"'},               // a byte that starts nothing
            {'"', (byte) 0xc3, (byte) 0xa9, (byte) 0xc0, (byte) 0xaf, '"'},  // overlong '/'
            {'"', (byte) 0xc3, (byte) 0xa9, (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'},  // an encoded surrogate
            {'"', (byte) 0xc3, (byte) 0xa9, (byte) 0xe2, (byte) 0x82, '"'},  // truncated
            {'"', (byte) 0xc3, (byte) 0xa9, (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}};  // above U+10FFFF
        for (byte[] line : invalid) {
            JsonSyntaxException e = refusal(line);
            assertThat(e.reason()).startsWith("invalid UTF-8");
            assertThat(e.column()).as("after the quote and the é").isEqualTo(3);
        }
    }

    @Test
    void refusesAByteOrderMark() {
        JsonSyntaxException e = refusal(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '[', ']'});
        assertThat(e.reason()).contains("byte order mark");
        assertThat(e.column()).isEqualTo(1);
    }

    @Test
    void refusesNulBytesThatJacksonWouldTakeForUtf16() {
        for (byte[] line : List.of(new byte[] {'0', 0}, new byte[] {0, '1'}, new byte[] {'1', '2', 0}, new byte[] {'[', 0, ']'})) {
            assertThat(refusal(line).column()).isBetween(1, line.length);
        }
    }

    @Test
    void aBadTokenIsQuotedAsTheTerminalPolicyShowsText() {
        // The token is text from the line: its escape and its line separator are shown as every other text from
        // outside is (dev.sigil.text.TerminalText), not in a second notation of their own.
        assertThat(refusal("[nul\u001b[2J]").reason()).isEqualTo("expecting a value (found 'nul^[')");
        assertThat(refusal("[nul\u009b]").reason()).isEqualTo("expecting a value (found 'nul<U+009B>')");
    }

    @Test
    void nestingIsLimitedTo1000Levels() {
        assertThat(reader.read("[".repeat(1000) + "]".repeat(1000)).isArray()).isTrue();
        assertThat(reader.read("{\"k\":".repeat(1000) + "1" + "}".repeat(1000)).isObject()).isTrue();
        assertThat(refusal("[".repeat(1001) + "]".repeat(1001)).reason()).isEqualTo("nested deeper than 1000 levels");
    }

    @Test
    void columnsCountCharactersNotBytes() {
        // é, 漢 and 😀 are one character each (two, three and four bytes): the second comma is the 8th character,
        // where CPython reports "Expecting value" too.
        JsonSyntaxException e = refusal("[\"\u00e9\u6f22\ud83d\ude00\",,]");
        assertThat(e.column()).isEqualTo(8);
    }

    @Test
    void readsASliceOfABuffer() {
        byte[] buffer = "xx[1,2]yy".getBytes(StandardCharsets.US_ASCII);
        JsonNode v = reader.read(buffer, 2, 7);
        List<Integer> items = new ArrayList<>();
        v.forEach(n -> items.add(n.intValue()));
        assertThat(items).containsExactly(1, 2);
    }

    @Test
    void anEmptyLineIsNotAValue() {
        assertThatThrownBy(() -> reader.read(new byte[0])).isInstanceOf(JsonSyntaxException.class).hasMessage("expecting a value");
    }
}
