package dev.sigil.contract.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * An epoch count read as a whole number gives the text the decimal reading gives, and both are java.time's instant
 * of that count, cut to the microsecond, to the millisecond when it is whole milliseconds.
 */
class EpochTimeProperties {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

    @Provide
    Arbitrary<Long> counts() {
        return Arbitraries.oneOf(Arbitraries.longs(),
                Arbitraries.longs().between(-100_000_000_000L, 300_000_000_000L),
                Arbitraries.longs().between(1_000_000_000_000L, 2_000_000_000_000_000_000L),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 253_402_300_799L, 253_402_300_800L));
    }

    @Property(tries = 3000)
    void aWholeCountReadsAsItsDecimal(@ForAll("counts") long count, @ForAll EpochTime.Kind kind) {
        if (kind == EpochTime.Kind.ISO8601) {
            return;
        }
        String whole = EpochTime.iso(count, kind);
        assertThat(whole).isEqualTo(EpochTime.iso(BigDecimal.valueOf(count), kind));
        assertThat(whole).isEqualTo(expected(count, kind));
    }

    /** The date is worked out by arithmetic (no java.time on the read path): any day of years 1-9999, and their ends. */
    @Property(tries = 3000)
    void anyDayIsJavaTimesDate(@ForAll @LongRange(min = -719_162, max = 2_932_896) long day, @ForAll @IntRange(min = 0, max = 86_399) int second) {
        long count = day * 86_400 + second;
        assertThat(EpochTime.iso(count, EpochTime.Kind.EPOCH_S)).isEqualTo(expected(count, EpochTime.Kind.EPOCH_S));
        for (long edge : new long[] {-719_162, -719_162 + 365, 0, 59, 60, 11_016, 2_932_896 - 365, 2_932_896}) {
            assertThat(EpochTime.iso(edge * 86_400, EpochTime.Kind.EPOCH_S)).isEqualTo(expected(edge * 86_400, EpochTime.Kind.EPOCH_S));
        }
    }

    @Example
    void aFloatOfSecondsIsRoundedToTheMicrosecond() {
        assertThat(EpochTime.iso(new BigDecimal("1772442000.1234565"), EpochTime.Kind.EPOCH_S)).isEqualTo("2026-03-02T09:00:00.123456Z");
        assertThat(EpochTime.iso(new BigDecimal("1772442000.125"), EpochTime.Kind.EPOCH_S)).isEqualTo("2026-03-02T09:00:00.125Z");
        assertThat(EpochTime.iso(1772442000123456789L, EpochTime.Kind.EPOCH_NS)).isEqualTo("2026-03-02T09:00:00.123456Z");
    }

    private static String expected(long count, EpochTime.Kind kind) {
        Instant t;
        try {
            t = switch (kind) {
                case EPOCH_S -> Instant.ofEpochSecond(count);
                case EPOCH_MS -> Instant.ofEpochMilli(count);
                case EPOCH_US -> Instant.EPOCH.plus(count, ChronoUnit.MICROS);
                default -> Instant.ofEpochSecond(Math.floorDiv(count, 1_000_000_000L), Math.floorMod(count, 1_000_000_000L) / 1000 * 1000);
            };
        } catch (ArithmeticException | java.time.DateTimeException outOfRange) {
            return null;
        }
        if (t.isBefore(FIRST) || t.isAfter(LAST)) {
            return null;
        }
        return (t.getNano() % 1_000_000 == 0 ? MILLIS : MICROS).format(t);
    }
}
