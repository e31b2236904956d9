package dev.sigil.contract.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sigil.testing.JsonArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Python's float repr from first principles, for any finite double: it reads back to the same bits, no decimal with
 * fewer digits reads back, and the layout follows Python's rule for the decimal exponent.
 */
class PythonFloatReprProperties {

    private static final Pattern FORM = Pattern.compile("-?(\\d)(?:\\.(\\d+))?e([+-])(\\d{2,3})|-?(\\d+)\\.(\\d+)");

    @Provide
    Arbitrary<Double> finite() {
        return JsonArbitraries.doubles().filter(Double::isFinite);
    }

    @Property(tries = 20_000)
    void readsBackToTheSameBits(@ForAll("finite") double value) {
        String repr = PythonFloatRepr.repr(value);
        assertThat(Double.doubleToRawLongBits(Double.parseDouble(repr))).as(repr).isEqualTo(Double.doubleToRawLongBits(value));
    }

    @Property(tries = 20_000)
    void noShorterDecimalReadsBack(@ForAll("finite") double value) {
        if (value == 0) {
            return;
        }
        BigDecimal digits = new BigDecimal(PythonFloatRepr.repr(Math.abs(value)));
        int n = digits.stripTrailingZeros().precision();
        if (n == 1) {
            return;
        }
        BigDecimal exact = new BigDecimal(Math.abs(value));
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal shorter = exact.round(new java.math.MathContext(n - 1, mode));
            assertThat(shorter.doubleValue()).as("%s has %d digits, but %s reads back too", digits, n, shorter).isNotEqualTo(Math.abs(value));
        }
    }

    @Property(tries = 20_000)
    void layoutFollowsTheDecimalExponent(@ForAll("finite") double value) {
        String repr = PythonFloatRepr.repr(value);
        Matcher m = FORM.matcher(repr);
        assertThat(m.matches()).as(repr).isTrue();
        if (value == 0) {
            assertThat(repr).isIn("0.0", "-0.0");
            return;
        }
        BigDecimal decimal = new BigDecimal(repr).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        boolean plain = exponent >= -4 && exponent < 16;
        assertThat(m.group(5) != null).as("plain notation for %s (decimal exponent %d)", repr, exponent).isEqualTo(plain);
        assertThat(repr.startsWith("-")).isEqualTo(Double.doubleToRawLongBits(value) < 0);
    }
}
