package dev.sigil.print;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import org.junit.jupiter.api.Test;

/**
 * jq 1.6's text of values, from the rules of its source ({@code jvp_dtoa_fmt}, {@code jvp_dump_string}); the compat
 * test {@code FileMonitorCompatTest} checks the same against the real jq on random values.
 */
class JqTextTest {

    private static final PythonJsonReader READER = new PythonJsonReader();

    private static String text(String json) {
        return JqText.of(READER.read(json));
    }

    @Test
    void numbersAreDoublesInTheShortestForm() {
        assertThat(text("1.0")).isEqualTo("1");
        assertThat(text("100")).isEqualTo("100");
        assertThat(text("-0.0")).isEqualTo("-0");
        assertThat(text("[-0,0,-0e0]")).isEqualTo("[-0,0,-0]");
        assertThat(text("0.1")).isEqualTo("0.1");
        assertThat(text("5e-324")).isEqualTo("5e-324");
        assertThat(text("NaN")).isEqualTo("null");
        assertThat(text("-Infinity")).isEqualTo("-1.7976931348623157e+308");
        assertThat(text("1e400")).isEqualTo("1.7976931348623157e+308");
    }

    @Test
    void theIntegerMinusZeroIsZeroForCPythonAndMinusZeroForJq() {
        assertThat(text("-0")).isEqualTo("-0");
        assertThat(READER.read("-0")).isEqualTo(READER.read("0"));
        assertThat(new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT).encodeToString(READER.read("{\"a\":-0}"))).isEqualTo("{\"a\":0}");
    }

    @Test
    void plainNotationUpToFifteenPlacesBeyondTheDigits() {
        // one digit: the decimal point may be 16 places out (1e15 has 16 digits), not 17
        assertThat(text("1e15")).isEqualTo("1000000000000000");
        assertThat(text("1e16")).isEqualTo("1e+16");
        // 17 significant digits: plain up to 32 places
        assertThat(text("12345678901234567890")).isEqualTo("12345678901234567000");
        assertThat(text("0.0001")).isEqualTo("0.0001");
        assertThat(text("0.00001")).isEqualTo("1e-05");
        assertThat(text("1.5e300")).isEqualTo("1.5e+300");
    }

    @Test
    void stringsKeepNonAsciiAndEscapeControlsInLowerCaseHex() {
        assertThat(text("[\"é\\u001b\\u007f\\n\\\"\\\\/\"]")).isEqualTo("[\"é\\u001b\\u007f\\n\\\"\\\\/\"]");
        assertThat(text("{\"b\":1,\"a\":[true,null,1.5]}")).isEqualTo("{\"b\":1,\"a\":[true,null,1.5]}");
    }

    @Test
    void aStringInterpolatesAsItselfAndLoneSurrogatesBecomeReplacementCharacters() {
        assertThat(text("\"a\\\"b\"")).isEqualTo("a\"b");
        assertThat(text("\"x\\udc00y\\ud800\"")).isEqualTo("x\uFFFDy\uFFFD");
        assertThat(text("\"\\ud83d\\ude00\"")).isEqualTo("😀");
        assertThat(JqText.of(null)).isEqualTo("null");
    }
}
