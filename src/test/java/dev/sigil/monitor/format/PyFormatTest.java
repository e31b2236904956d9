package dev.sigil.monitor.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cases worked out from Python's documented rules; PyFormatCompatTest checks many more against CPython itself. */
class PyFormatTest {

    @Test
    void groupsThousandsWithCommas() {
        assertThat(PyFormat.grouped(0)).isEqualTo("0");
        assertThat(PyFormat.grouped(999)).isEqualTo("999");
        assertThat(PyFormat.grouped(1000)).isEqualTo("1,000");
        assertThat(PyFormat.grouped(256_000)).isEqualTo("256,000");
        assertThat(PyFormat.grouped(-1_234_567)).isEqualTo("-1,234,567");
        assertThat(PyFormat.grouped(Long.MIN_VALUE)).isEqualTo("-9,223,372,036,854,775,808");
    }

    @Test
    void widthRightAlignsAndNeverCuts() {
        assertThat(PyFormat.grouped(12, 6)).isEqualTo("    12");
        assertThat(PyFormat.grouped(1_234_567, 6)).isEqualTo("1,234,567");
    }

    @Test
    void fixedRoundsTheExactBinaryValueHalfToEven() {
        // 0.125 and 2.5 are exact in binary: true ties, to even
        assertThat(PyFormat.fixed(0.125, 2)).isEqualTo("0.12");
        assertThat(PyFormat.fixed(0.375, 2)).isEqualTo("0.38");
        assertThat(PyFormat.fixed(2.5, 0)).isEqualTo("2");
        assertThat(PyFormat.fixed(3.5, 0)).isEqualTo("4");
        assertThat(PyFormat.fixed(0.5, 0)).isEqualTo("0");
        // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875
        assertThat(PyFormat.fixed(2.675, 2)).isEqualTo("2.67");
        // Java's String.format would give 0.13 and 2.68 for the two above
        assertThat(String.format("%.2f", 0.125)).isEqualTo("0.13");
    }

    @Test
    void fixedKeepsTheSignOfZeroAndSpellsNonFiniteValuesLikePython() {
        assertThat(PyFormat.fixed(-0.0, 1)).isEqualTo("-0.0");
        assertThat(PyFormat.fixed(-0.04, 1)).isEqualTo("-0.0");
        assertThat(PyFormat.fixed(Double.NaN, 2)).isEqualTo("nan");
        assertThat(PyFormat.fixed(Double.POSITIVE_INFINITY, 0)).isEqualTo("inf");
        assertThat(PyFormat.fixed(Double.NEGATIVE_INFINITY, 1)).isEqualTo("-inf");
        assertThat(PyFormat.fixed(1e22, 0)).isEqualTo("10000000000000000000000");
    }

    @Test
    void stringPaddingCountsCodePoints() {
        assertThat(PyFormat.padRight("routing", 12)).isEqualTo("routing     ");
        assertThat(PyFormat.padRight("é", 3)).isEqualTo("é  ");
        assertThat(PyFormat.padRight("\uD83D\uDE00", 3)).isEqualTo("\uD83D\uDE00  "); // one code point, two chars
        assertThat(PyFormat.padRight("a_very_long_component", 12)).isEqualTo("a_very_long_component");
    }
}
