package dev.sigil.text;

/**
 * Whole numbers with a comma between groups of three digits ({@code 67,108,864}, {@code -1,000}): as
 * {@code String.format(Locale.ROOT, "%,d")} and Python's {@code f"{n:,}"} write them, by hand, because the formatter
 * loads the JDK's locale data (its providers, resource bundles and {@code DecimalFormat}), a cost of every short run
 * that prints a count (ADR 0271). The one grouping of the report, the configuration and the monitor's text.
 */
public final class Grouped {

    private Grouped() {
    }

    /** {@code n} grouped in threes. */
    public static String of(long n) {
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int count = digits.length() - sign;
        StringBuilder out = new StringBuilder(digits.length() + count / 3);
        out.append(digits, 0, sign);
        for (int i = 0; i < count; i++) {
            if (i > 0 && (count - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(sign + i));
        }
        return out.toString();
    }
}
