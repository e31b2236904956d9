package dev.sigil.orchestrate.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.sigil.contract.errors.ErrorCategory;

/** Exponential backoff as seed 001 §9.2 gives it (3 retries, 1 s doubling, 30 s cap), and which failures are retried. */
class RetryPolicyTest {

    @Test
    void theSeedsPolicyDoublesFromOneSecondUpToThirtySeconds() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        assertThat(p.maxRetries()).isEqualTo(3);
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(p::delayBefore).map(Duration::toMillis))
                .containsExactly(1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L);
    }

    @Test
    void theDelayIsBaseTimesTwoToTheRetryMinusOneAtMostTheCap() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(7), Duration.ofMillis(100));
        for (int retry = 1; retry <= 60; retry++) {
            long expected = Math.min(100, 7L << Math.min(retry - 1, 20));
            assertThat(p.delayBefore(retry).toMillis()).as("retry %d", retry).isEqualTo(expected);
        }
        assertThat(p.delayBefore(0)).isEqualTo(Duration.ZERO);
        assertThat(p.delayBefore(Integer.MAX_VALUE).toMillis()).as("no overflow").isEqualTo(100);
    }

    @Test
    void aBaseAboveTheCapIsCappedAndAZeroBaseNeverWaits() {
        assertThat(new RetryPolicy(3, Duration.ofMinutes(5), Duration.ofSeconds(30)).delayBefore(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(30)).delayBefore(3)).isEqualTo(Duration.ZERO);
    }

    @Test
    void onlyTransientFailuresAreRetriedAndOnlyUpToMaxRetries() {
        RetryPolicy p = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(10));
        assertThat(p.shouldRetry(ErrorCategory.TRANSIENT, 1)).isTrue();
        assertThat(p.shouldRetry(ErrorCategory.TRANSIENT, 2)).isTrue();
        assertThat(p.shouldRetry(ErrorCategory.TRANSIENT, 3)).as("the third try was the last").isFalse();
        assertThat(new RetryPolicy(0, Duration.ZERO, Duration.ZERO).shouldRetry(ErrorCategory.TRANSIENT, 1)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCategory.class, names = {"LOGIC", "CONFIG", "SYSTEM"})
    void otherCategoriesAreNeverRetried(ErrorCategory category) {
        assertThat(RetryPolicy.DEFAULT.shouldRetry(category, 1)).isFalse();
    }

    @Test
    void aStepsOwnRetryCountKeepsTheDelays() {
        RetryPolicy p = RetryPolicy.DEFAULT.withRetries(7);
        assertThat(p.maxRetries()).isEqualTo(7);
        assertThat(p.base()).isEqualTo(RetryPolicy.DEFAULT.base());
        assertThat(p.max()).isEqualTo(RetryPolicy.DEFAULT.max());
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
