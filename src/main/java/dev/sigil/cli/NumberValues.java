package dev.sigil.cli;

import java.math.BigInteger;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * How a number typed on the command line is read, and what is said when it is not one: "'x' is not a whole number",
 * "'fast' is not a number", never Java's type names ("is not a long"). Only plain decimal forms are numbers (no
 * {@code 0x10}, {@code 1d}, {@code NaN}, which Java's parsers would take).
 */
final class NumberValues {

    private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    private NumberValues() {
    }

    /** Registers the readers of every number type sigil's options use. */
    static void register(CommandLine cmd) {
        cmd.registerConverter(Integer.class, s -> (int) whole(s, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cmd.registerConverter(Integer.TYPE, s -> (int) whole(s, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cmd.registerConverter(Long.class, s -> whole(s, Long.MIN_VALUE, Long.MAX_VALUE));
        cmd.registerConverter(Long.TYPE, s -> whole(s, Long.MIN_VALUE, Long.MAX_VALUE));
        cmd.registerConverter(Double.class, NumberValues::decimal);
        cmd.registerConverter(Double.TYPE, NumberValues::decimal);
    }

    static long whole(String text, long min, long max) {
        String s = text.strip();
        if (!WHOLE.matcher(s).matches()) {
            throw new TypeConversionException("'" + text + "' is not a whole number");
        }
        BigInteger v = new BigInteger(s.startsWith("+") ? s.substring(1) : s);
        if (v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new TypeConversionException("'" + text + "' is too large (at most " + max + ")");
        }
        if (v.compareTo(BigInteger.valueOf(min)) < 0) {
            throw new TypeConversionException("'" + text + "' is too small (at least " + min + ")");
        }
        return v.longValue();
    }

    static double decimal(String text) {
        String s = text.strip();
        if (!DECIMAL.matcher(s).matches()) {
            throw new TypeConversionException("'" + text + "' is not a number");
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) {
            throw new TypeConversionException("'" + text + "' is too large");
        }
        return d;
    }
}
