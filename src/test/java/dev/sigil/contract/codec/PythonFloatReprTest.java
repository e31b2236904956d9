package dev.sigil.contract.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Python's float repr at its edges (docs/contract.md section 6): plain notation for decimal exponents in [-4, 16),
 * exponent form outside with a sign and at least two digits, ".0" on integral values, the shortest digits that read
 * back, and a single digit where one suffices (5e-324, where Java writes 4.9E-324).
 */
class PythonFloatReprTest {

    @ParameterizedTest(name = "repr({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "0x0.0000000000001p-1022 | 5e-324",
        "0x0.0000000000002p-1022 | 1e-323",
        "0x0.0000000000003p-1022 | 1.5e-323",
        "0x1.0p-1022             | 2.2250738585072014e-308",
        "1e16                    | 1e+16",
        "9999999999999998.0      | 9999999999999998.0",
        "1e15                    | 1000000000000000.0",
        "1e-5                    | 1e-05",
        "0.0001                  | 0.0001",
        "9.999999999999999e-05   | 9.999999999999999e-05",
        "2.5e-05                 | 2.5e-05",
        "1e22                    | 1e+22",
        "1e23                    | 1e+23",
        "1e21                    | 1e+21",
        "9007199254740994.0      | 9007199254740994.0",
        "9007199254740993.0      | 9007199254740992.0",
        "-0.0                    | -0.0",
        "0.0                     | 0.0",
        "1.7976931348623157e308  | 1.7976931348623157e+308",
        "-1.7976931348623157e308 | -1.7976931348623157e+308",
        "0.1                     | 0.1",
        "0.30000000000000004     | 0.30000000000000004",
        "100.0                   | 100.0",
        "1100.0                  | 1100.0",
        "1.5e300                 | 1.5e+300",
        "9.223372036854776e18    | 9.223372036854776e+18",
        "12345678901234567.0     | 1.2345678901234568e+16",
        "1.2345e-10              | 1.2345e-10",
        "1e-7                    | 1e-07",
        "123.456                 | 123.456",
        "-2.5                    | -2.5"})
    void edges(double value, String python) {
        assertThat(PythonFloatRepr.repr(value)).isEqualTo(python);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteValuesHaveNoRepr(double value) {
        assertThatThrownBy(() -> PythonFloatRepr.repr(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
