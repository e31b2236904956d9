package dev.sigil.contract.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** isoformat() as docs/contract.md section 3 describes it (CPython itself decides in PythonTimestampCompatProperties). */
class PythonTimestampTest {

    @Test
    void secondsAreAlwaysWrittenAndZeroMicrosecondsNever() {
        assertThat(PythonTimestamp.isoformat(LocalDateTime.of(2026, 1, 11, 10, 15))).isEqualTo("2026-01-11T10:15:00");
        assertThat(PythonTimestamp.isoformat(LocalDateTime.of(2026, 1, 11, 10, 15, 32, 1_000))).isEqualTo("2026-01-11T10:15:32.000001");
        // LocalDateTime.toString() would write "2026-01-11T10:15" and "2026-01-11T10:15:32.000001"/"…:32.100": never used.
        assertThat(PythonTimestamp.isoformat(LocalDateTime.of(2026, 1, 11, 10, 15, 32, 100_000_000))).isEqualTo("2026-01-11T10:15:32.100000");
    }

    @Test
    void nanosecondsAreTruncatedToMicroseconds() {
        assertThat(PythonTimestamp.isoformat(LocalDateTime.of(2026, 1, 11, 10, 15, 32, 999))).isEqualTo("2026-01-11T10:15:32");
        assertThat(PythonTimestamp.isoformat(LocalDateTime.of(2026, 1, 11, 10, 15, 32, 123_456_999))).isEqualTo("2026-01-11T10:15:32.123456");
    }

    @Test
    void offsetsWithMinutesAndSeconds() {
        LocalDateTime t = LocalDateTime.of(2026, 1, 11, 10, 15, 32);
        assertThat(PythonTimestamp.isoformat(OffsetDateTime.of(t, ZoneOffset.UTC))).isEqualTo("2026-01-11T10:15:32+00:00");
        assertThat(PythonTimestamp.isoformat(OffsetDateTime.of(t, ZoneOffset.ofHoursMinutes(-5, -30)))).isEqualTo("2026-01-11T10:15:32-05:30");
        assertThat(PythonTimestamp.isoformat(OffsetDateTime.of(t, ZoneOffset.ofTotalSeconds(5 * 3600 + 30 * 60 + 15))))
                .isEqualTo("2026-01-11T10:15:32+05:30:15");
    }

    @Test
    void yearsOutsidePythonsRangeAreRefused() {
        assertThat(PythonTimestamp.isoformat(LocalDateTime.of(1, 1, 1, 0, 0))).isEqualTo("0001-01-01T00:00:00");
        assertThatThrownBy(() -> PythonTimestamp.isoformat(LocalDateTime.of(10_000, 1, 1, 0, 0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PythonTimestamp.isoformat(LocalDateTime.of(0, 1, 1, 0, 0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nowIsLocalWallTimeWithoutOffset() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-11T10:15:32.123456789Z"), ZoneId.of("Asia/Kolkata"));
        assertThat(PythonTimestamp.now(clock)).isEqualTo("2026-01-11T15:45:32.123456");
    }
}
