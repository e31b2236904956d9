package dev.sigil.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import dev.sigil.layout.SigilHome;
import dev.sigil.text.Grouped;

/** The kinds of setting sigil has. */
final class ValueTypes {

    // Python's int() accepts underscores between digits (256_000), so config files written for the Python tools do.
    private static final Pattern INTEGER = Pattern.compile("[0-9]+(?:_[0-9]+)*");
    /**
     * The largest budget, in dollars: a long, not a BigDecimal constant, so that loading the configuration initialises no
     * BigDecimal (its static initialiser computes 5^65536, about 14 ms interpreted on JDK 25; ADR 0270).
     */
    private static final long MAX_DOLLARS = 1_000_000_000L;
    private static final Pattern DECIMAL = Pattern.compile("(?:[0-9]+(?:_[0-9]+)*(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    private ValueTypes() {
    }

    /** A whole number from {@code min} to {@code max}, counted in {@code unit} ("tokens", "bytes", ...). */
    static ValueType<Long> integer(long min, long max, String unit) {
        // What is expected is written out only when it is shown: every command that reads the configuration builds
        // these types at start-up (ADR 0051).
        return new ValueType<>() {
            @Override
            public Long parse(RawValue raw, Path home) throws InvalidValueException {
                String text = scalar(raw);
                if (!INTEGER.matcher(text).matches()) {
                    throw new InvalidValueException("expected " + expected());
                }
                long v = PlainNumbers.whole(text.replace("_", "")); // -1: beyond any long, so beyond max
                if (v < 0 || v < min || v > max) {
                    throw new InvalidValueException("expected " + expected());
                }
                return v;
            }

            @Override
            public String expected() {
                return "a whole number of " + unit + " from " + grouped(min) + " to " + grouped(max);
            }

            @Override
            public String format(Long value) {
                return Long.toString(value);
            }
        };
    }

    /** A TCP port number from {@code min} to 65535. */
    static ValueType<Long> port(long min) {
        ValueType<Long> number = integer(min, 65_535, "port");
        return new ValueType<>() {
            @Override
            public Long parse(RawValue raw, Path home) throws InvalidValueException {
                try {
                    return number.parse(raw, home);
                } catch (InvalidValueException e) {
                    throw new InvalidValueException("expected " + expected());
                }
            }

            @Override
            public String expected() {
                return "a port number from " + min + " to 65535";
            }

            @Override
            public String format(Long value) {
                return number.format(value);
            }
        };
    }

    /** A number in [{@code min}, {@code max}], or in ({@code min}, {@code max}] when {@code minExclusive}. */
    static ValueType<Double> decimal(double min, boolean minExclusive, double max, String what) {
        return new ValueType<>() {
            @Override
            public Double parse(RawValue raw, Path home) throws InvalidValueException {
                double v = parseDecimal(scalar(raw), this);
                if (v < min || (minExclusive && v == min) || v > max) {
                    throw new InvalidValueException("expected " + expected());
                }
                return v;
            }

            @Override
            public String expected() {
                return what + ", a number " + (minExclusive ? "above " : "from ") + plain(min) + (minExclusive ? " up to " : " to ") + plain(max);
            }

            @Override
            public String format(Double value) {
                return plain(value);
            }
        };
    }

    /** An amount of US dollars above 0 ({@code 5}, {@code 12.50}, {@code $5}), or {@code none} for no such budget. */
    static ValueType<java.util.Optional<BigDecimal>> dollarsOrNone() {
        return new ValueType<>() {
            @Override
            public java.util.Optional<BigDecimal> parse(RawValue raw, Path home) throws InvalidValueException {
                String text = scalar(raw);
                if (text.equalsIgnoreCase("none") || text.isEmpty()) {
                    return java.util.Optional.empty();
                }
                String digits = text.startsWith("$") ? text.substring(1) : text;
                if (!DECIMAL.matcher(digits).matches()) {
                    throw new InvalidValueException("expected " + expected());
                }
                BigDecimal v = new BigDecimal(digits.replace("_", ""));
                if (v.signum() <= 0 || v.compareTo(BigDecimal.valueOf(MAX_DOLLARS)) > 0) {
                    throw new InvalidValueException("expected " + expected());
                }
                return java.util.Optional.of(v.stripTrailingZeros());
            }

            @Override
            public String expected() {
                return "US dollars, a number above 0 up to " + MAX_DOLLARS + ", or none";
            }

            @Override
            public String format(java.util.Optional<BigDecimal> value) {
                return value.map(ValueTypes::plain).orElse("none");
            }
        };
    }

    /**
     * A duration written as a number of {@code unit}s of {@code nanosPerUnit} nanoseconds each (1,000,000,000 for
     * seconds, 1,000,000 for milliseconds). BigDecimal's arithmetic runs only for a value written with an exponent or
     * finer than a nanosecond (ADR 0270).
     */
    static ValueType<Duration> duration(String unitName, long nanosPerUnit, Duration min, Duration max) {
        return new ValueType<>() {
            @Override
            public Duration parse(RawValue raw, Path home) throws InvalidValueException {
                String text = scalar(raw);
                if (!DECIMAL.matcher(text).matches()) {
                    throw new InvalidValueException("expected " + expected());
                }
                String plain = text.replace("_", "");
                long whole = PlainNumbers.scaled(plain, nanosPerUnit);
                if (whole >= 0) { // a whole number of nanoseconds written without an exponent: the defaults, and most files
                    if (whole < min.toNanos() || whole > max.toNanos()) {
                        throw new InvalidValueException("expected " + expected());
                    }
                    return Duration.ofNanos(whole);
                }
                BigDecimal nanos = new BigDecimal(plain).multiply(BigDecimal.valueOf(nanosPerUnit));
                if (nanos.compareTo(BigDecimal.valueOf(min.toNanos())) < 0 || nanos.compareTo(BigDecimal.valueOf(max.toNanos())) > 0) {
                    throw new InvalidValueException("expected " + expected());
                }
                return Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
            }

            @Override
            public String expected() {
                return unitName + ", a number from " + PlainNumbers.units(min.toNanos(), nanosPerUnit) + " to " + PlainNumbers.units(max.toNanos(), nanosPerUnit);
            }

            @Override
            public String format(Duration value) {
                return PlainNumbers.units(value.toNanos(), nanosPerUnit);
            }
        };
    }

    /** {@code true} or {@code false}; also yes/no, on/off, 1/0 (YAML 1.1 and shell habits), any case. */
    static ValueType<Boolean> bool() {
        return new ValueType<>() {
            @Override
            public Boolean parse(RawValue raw, Path home) throws InvalidValueException {
                return switch (scalar(raw).toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on", "1" -> true;
                    case "false", "no", "off", "0" -> false;
                    default -> throw new InvalidValueException("expected " + expected());
                };
            }

            @Override
            public String expected() {
                return "true or false";
            }

            @Override
            public String format(Boolean value) {
                return value.toString();
            }
        };
    }

    /** One of {@code names}, any case, mapped by {@code lookup}. */
    static <E> ValueType<E> choice(List<String> names, Function<String, E> lookup, Function<E, String> name) {
        String expected = "one of " + String.join(", ", names);
        return new ValueType<>() {
            @Override
            public E parse(RawValue raw, Path home) throws InvalidValueException {
                E v = lookup.apply(scalar(raw).toLowerCase(Locale.ROOT));
                if (v == null) {
                    throw new InvalidValueException("expected " + expected);
                }
                return v;
            }

            @Override
            public String expected() {
                return expected;
            }

            @Override
            public String format(E value) {
                return name.apply(value);
            }
        };
    }

    /**
     * A directory: an absolute path, or one starting with {@code ~/} (the home directory). Relative paths are refused:
     * relative to what (the config file, the working directory) would be a guess.
     */
    static ValueType<Path> directory() {
        return new ValueType<>() {
            @Override
            public Path parse(RawValue raw, Path home) throws InvalidValueException {
                String text = scalar(raw);
                try {
                    if (text.equals("~") || text.startsWith("~/")) {
                        return new SigilHome(home).expand(text);
                    }
                    Path p = Path.of(text);
                    if (!p.isAbsolute() || text.indexOf('\0') >= 0) {
                        throw new InvalidValueException("expected " + expected());
                    }
                    return p.normalize();
                } catch (java.nio.file.InvalidPathException e) {
                    throw new InvalidValueException("expected " + expected() + " (" + e.getReason() + ")");
                }
            }

            @Override
            public String expected() {
                return "an absolute directory path, or one starting with ~/ (your home directory)";
            }

            @Override
            public String format(Path value) {
                return value.toString();
            }
        };
    }

    /**
     * A list of paths of files or directories, each absolute or starting with {@code ~/} (as {@link #directory()}:
     * a relative path would be relative to a guess).
     */
    static ValueType<List<Path>> paths() {
        ValueType<Path> one = directory();
        return new ValueType<>() {
            @Override
            public List<Path> parse(RawValue raw, Path home) throws InvalidValueException {
                if (raw.items() == null) {
                    throw new InvalidValueException("expected " + expected() + ", found " + raw.shape());
                }
                List<Path> out = new ArrayList<>(raw.items().size());
                for (int i = 0; i < raw.items().size(); i++) {
                    try {
                        out.add(one.parse(RawValue.scalar(raw.items().get(i)), home));
                    } catch (InvalidValueException e) {
                        throw new InvalidValueException("item " + i + " \"" + raw.items().get(i) + "\": " + e.getMessage());
                    }
                }
                return List.copyOf(out);
            }

            @Override
            public String expected() {
                return "a list of absolute paths of files or directories (or paths starting with ~/)";
            }

            @Override
            public String format(List<Path> value) {
                return value.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", ", "[", "]"));
            }
        };
    }

    /** A list of regular expressions (Java syntax), each checked. */
    static ValueType<List<String>> patterns() {
        return new ValueType<>() {
            @Override
            public List<String> parse(RawValue raw, Path home) throws InvalidValueException {
                if (raw.items() == null) {
                    throw new InvalidValueException("expected " + expected() + ", found " + raw.shape());
                }
                List<String> out = new ArrayList<>(raw.items().size());
                for (int i = 0; i < raw.items().size(); i++) {
                    String p = raw.items().get(i);
                    try {
                        Pattern.compile(p);
                    } catch (PatternSyntaxException e) {
                        throw new InvalidValueException("item " + i + " \"" + p + "\" is not a valid regular expression: "
                                + e.getDescription() + " near index " + e.getIndex());
                    }
                    out.add(p);
                }
                return List.copyOf(out);
            }

            @Override
            public String expected() {
                return "a list of regular expressions";
            }

            @Override
            public String format(List<String> value) {
                return value.stream().map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                        .collect(Collectors.joining(", ", "[", "]"));
            }
        };
    }

    static <E extends Enum<E>> List<String> lowerNames(E[] values) {
        return Arrays.stream(values).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    }

    private static double parseDecimal(String text, ValueType<?> type) throws InvalidValueException {
        if (!DECIMAL.matcher(text).matches()) {
            throw new InvalidValueException("expected " + type.expected());
        }
        // the nearest double, as BigDecimal's doubleValue() gives it (both round correctly), without a BigDecimal
        return Double.parseDouble(text.replace("_", ""));
    }

    private static String plain(double v) {
        return PlainNumbers.of(v);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** {@code n} with a comma every three digits ({@code 67,108,864}), as {@code String.format("%,d")} writes it in the root locale. */
    static String grouped(long n) {
        return Grouped.of(n);
    }
}
