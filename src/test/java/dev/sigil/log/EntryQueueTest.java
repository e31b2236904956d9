package dev.sigil.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.sigil.layout.SessionId;

/**
 * The full-queue policy step by step, with the writer's takes done by hand (ADR 0013, 0190): a writer that frees one
 * slot at a time has not caught up, so the episode goes on without a second report or a second wait.
 */
class EntryQueueTest {

    private final RecordingReporter reporter = new RecordingReporter();
    private final LoggerCounters counters = new LoggerCounters();
    private final EntryQueue entries = new EntryQueue(LoggerSettings.builder().queueCapacity(8).queueFullWait(Duration.ofMillis(1))
            .build(), counters, reporter, SessionId.of("queue"));

    @Test
    void aWriterThatFreesASlotAtATimeIsOneEpisodeReportedOnce() throws InterruptedException {
        fill();
        assertThat(entries.offer("refused")).isFalse();
        for (int i = 0; i < 3; i++) {
            assertThat(entries.queue().poll()).isNotNull(); // the writer takes one batch of one, then stalls again
            assertThat(entries.offer("taken")).isTrue();
            assertThat(entries.offer("refused")).isFalse();
        }
        assertThat(reporter.count("the log queue is full")).isEqualTo(1);
    }

    @Test
    void aWriterThatCatchesUpEndsTheEpisodeAndTheNextOneIsReportedAgain() throws InterruptedException {
        fill();
        assertThat(entries.offer("refused")).isFalse();
        for (int i = 0; i < 5; i++) {
            entries.queue().poll(); // more than half the queue written: with the next entry, half of it is queued
        }
        assertThat(entries.offer("taken")).isTrue();
        fill();
        assertThat(entries.offer("refused")).isFalse();
        assertThat(reporter.count("the log queue is full")).isEqualTo(2);
    }

    private void fill() {
        while (entries.queue().offer("entry")) {
            // up to the count bound
        }
    }
}
