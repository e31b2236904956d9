package dev.sigil.tokens;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers for people, the same on every machine whatever its locale. */
final class Numbers {

    private Numbers() {
    }

    /** {@code 256000} as {@code 256,000} (Python's {@code f"{n:,}"}). */
    static String grouped(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        sb.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            sb.append(',').append(digits, i, i + 3);
        }
        return n < 0 ? "-" + sb : sb.toString();
    }

    /** {@code part / whole} as a percentage with one decimal, rounded half-even on the exact value: {@code 50.0%}. */
    static String percent(long part, long whole) {
        if (whole == 0) {
            return "0.0%";
        }
        BigDecimal p = BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_EVEN);
        return p.toPlainString() + "%";
    }
}
