package dev.sigil.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.Metadata;
import dev.sigil.layout.LogLayout;
import tools.jackson.databind.JsonNode;

/**
 * Faults the disk produces (fault matrix F21, F22; writer contract W5): the pipeline goes on, the problem is reported
 * once, the file never holds a partial line, and every entry that did not reach the log is counted exactly.
 */
class FaultInjectionTest {

    @TempDir
    Path tmp;

    private final FaultyChannel.Plan plan = new FaultyChannel.Plan();
    private final RecordingReporter reporter = new RecordingReporter();

    private ExecutionLogger open(String session, LoggerSettings.Builder settings) throws IOException {
        return ExecutionLogger.builder(settings.logPath(tmp).build()).reporter(reporter).shutdownHook(false)
                .channelOpener(plan.opener(LogLayout.EXECUTION_LOG)).open(session);
    }

    private static boolean log(ExecutionLogger logger, int i) {
        return logger.log(EventType.STEP_COMPLETE, Component.MEMORY, "entry " + i + " " + "m".repeat(i % 40), 3,
                Metadata.builder().put("seq", i).build());
    }

    @Test
    void aFullDiskKeepsEntriesAndWritesThemWhenSpaceReturns() throws IOException {
        plan.space.set(1500);
        ExecutionLogger logger = open("full", LoggerSettings.builder().flushInterval(Duration.ofMillis(5)));
        for (int i = 0; i < 60; i++) {
            assertThat(log(logger, i)).isTrue();
        }
        logger.flush();
        List<String> partial = LogFiles.lines(logger.logFile());
        assertThat(partial.size()).isEqualTo(logger.stats().written()).isLessThan(60);
        plan.space.set(Long.MAX_VALUE);
        logger.flush();
        logger.close();

        assertThat(seqs(LogFiles.allLines(logger.sessionDirectory()))).isEqualTo(range(60));
        assertThat(logger.stats().written()).isEqualTo(60);
        assertThat(logger.stats().clean()).isTrue();
        assertThat(reporter.count("cannot write " + logger.logFile() + ": No space left on device")).isEqualTo(1);
        assertThat(reporter.count("writing " + logger.logFile() + " again")).isEqualTo(1);
    }

    @Test
    void aDiskThatStaysFullLosesOnlyCountedEntries() throws IOException {
        plan.space.set(2000);
        ExecutionLogger logger = open("stays-full", LoggerSettings.builder().maxRetainedBytes(4096).flushInterval(Duration.ofMillis(5)));
        for (int i = 0; i < 300; i++) {
            log(logger, i);
        }
        logger.close();

        LoggerStats stats = logger.stats();
        List<String> lines = LogFiles.lines(logger.logFile());
        assertThat(lines).hasSize((int) stats.written());
        assertThat(seqs(lines)).isEqualTo(range(lines.size()));
        assertThat(stats.unwritten()).isPositive();
        assertThat(stats.written() + stats.unwritten()).isEqualTo(300);
        assertThat(stats.accepted()).isEqualTo(300);
        JsonNode metrics = ExecutionLoggerTest.metrics(logger.sessionDirectory());
        assertThat(metrics.at("/logger/entries_unwritten").longValue()).isEqualTo(stats.unwritten());
        long recorded = LogFiles.records(logger.sessionDirectory().resolve("errors.jsonl")).stream()
                .filter(r -> r.get("kind").stringValue().equals("unwritten")).mapToLong(r -> r.get("count").longValue()).sum();
        assertThat(recorded).isEqualTo(stats.unwritten());
        assertThat(reporter.count("cannot write")).isEqualTo(1);
        assertThat(reporter.count(stats.unwritten() + " could not be written")).isEqualTo(1);
    }

    @Test
    void aFailedFsyncIsNotRetriedTheFileIsSetAsideAndNothingIsWrittenTwice() throws IOException {
        ExecutionLogger logger = open("fsync", LoggerSettings.builder());
        plan.failingForces.set(1);
        for (int i = 0; i < 10; i++) {
            log(logger, i);
        }
        logger.flush();
        for (int i = 10; i < 20; i++) {
            log(logger, i);
        }
        logger.close();

        Path dir = logger.sessionDirectory();
        List<String> setAside = LogFiles.lines(dir.resolve("execution.1.jsonl"));
        LoggerStats stats = logger.stats();
        assertThat(setAside).isNotEmpty();
        assertThat(stats.unconfirmed()).isEqualTo(setAside.size());
        assertThat(stats.written() + stats.unconfirmed()).isEqualTo(20);
        List<String> all = LogFiles.allLines(dir);
        assertThat(seqs(all)).isEqualTo(range(20));
        assertThat(new HashSet<>(all)).hasSize(20);
        JsonNode record = LogFiles.records(dir.resolve("errors.jsonl")).get(0);
        assertThat(record.get("kind").stringValue()).isEqualTo("unconfirmed");
        assertThat(record.get("count").longValue()).isEqualTo(stats.unconfirmed());
        assertThat(reporter.count("fsync of " + logger.logFile() + " failed: Input/output error")).isEqualTo(1);
        assertThat(reporter.count("the old one is now execution.1.jsonl")).isEqualTo(1);
    }

    @Test
    void aFullQueueDropsAfterABriefWaitAndCountsEveryDrop() throws IOException {
        CountDownLatch disk = new CountDownLatch(1);
        plan.gate.set(disk);
        ExecutionLogger logger = open("queue", LoggerSettings.builder().queueCapacity(16).queueFullWait(Duration.ofMillis(1))
                .maxBatchEntries(4));
        int refused = 0;
        for (int i = 0; i < 200; i++) {
            if (!log(logger, i)) {
                refused++;
            }
        }
        disk.countDown();
        logger.close();

        LoggerStats stats = logger.stats();
        assertThat(refused).isPositive();
        assertThat(stats.dropped()).isEqualTo(refused);
        assertThat(stats.written()).isEqualTo(200 - refused);
        assertThat(LogFiles.lines(logger.logFile())).hasSize(200 - refused);
        assertThat(reporter.count("the log queue is full")).isEqualTo(1);
        long recorded = LogFiles.records(logger.sessionDirectory().resolve("errors.jsonl")).stream()
                .filter(r -> r.get("kind").stringValue().equals("dropped")).mapToLong(r -> r.get("count").longValue()).sum();
        assertThat(recorded).isEqualTo(refused);
    }

    @Test
    void aQueueOfLargeEntriesIsBoundedByItsBytesWithTheSamePolicy() throws IOException {
        // A stalled disk and LLM outputs of 64 KiB: far fewer entries than the queue's count bound fill its bytes.
        CountDownLatch disk = new CountDownLatch(1);
        plan.gate.set(disk);
        ExecutionLogger logger = open("bytes", LoggerSettings.builder().queueBytes(1 << 20).queueFullWait(Duration.ofMillis(1))
                .maxBatchEntries(4));
        String output = "Résumé of the analysis, step by step. ".repeat(64 << 10 >> 5).substring(0, 64 << 10);
        int refused = 0;
        for (int i = 0; i < 100; i++) {
            if (!logger.log(EventType.STEP_COMPLETE, Component.REASONING, "step " + i, 3,
                    Metadata.builder().put("seq", i).put("output", output).build())) {
                refused++;
            }
        }
        disk.countDown();
        logger.close();

        LoggerStats stats = logger.stats();
        // 1 MiB holds about seven such entries (two bytes a character); the writer may have taken one or two first.
        assertThat(refused).isBetween(85, 95);
        assertThat(stats.dropped()).isEqualTo(refused);
        assertThat(stats.written()).isEqualTo(100 - refused);
        assertThat(LogFiles.lines(logger.logFile())).hasSize(100 - refused);
        assertThat(reporter.count("the log queue is full (8192 entries or 1 MiB)")).isEqualTo(1);
        long recorded = LogFiles.records(logger.sessionDirectory().resolve("errors.jsonl")).stream()
                .filter(r -> r.get("kind").stringValue().equals("dropped")).mapToLong(r -> r.get("count").longValue()).sum();
        assertThat(recorded).isEqualTo(refused);
    }

    @Test
    void anEntryLargerThanTheWholeByteBoundStillGoesIntoAnEmptyQueue() throws IOException {
        ExecutionLogger logger = open("huge", LoggerSettings.builder().queueBytes(1 << 10));
        String output = "x".repeat(100_000);
        for (int i = 0; i < 3; i++) {
            assertThat(logger.log(EventType.STEP_COMPLETE, Component.REASONING, "step " + i, 3,
                    Metadata.builder().put("seq", i).put("output", output).build())).isTrue();
            assertThat(logger.flush()).isTrue();
        }
        logger.close();
        assertThat(LogFiles.lines(logger.logFile())).hasSize(3);
        assertThat(logger.stats().dropped()).isZero();
    }

    @Test
    void aHangingDiskDoesNotHangCloseAndEveryEntryIsStillAccountedFor() throws IOException {
        plan.gate.set(new CountDownLatch(1));
        ExecutionLogger logger = open("hang", LoggerSettings.builder().closeTimeout(Duration.ofMillis(300)).maxBatchEntries(5));
        int refused = 0;
        for (int i = 0; i < 50; i++) {
            if (!log(logger, i)) {
                refused++;
            }
        }
        logger.close();

        LoggerStats stats = logger.stats();
        assertThat(reporter.count("made no progress for 300 ms")).isEqualTo(1);
        assertThat(stats.written()).isZero();
        assertThat(stats.accepted() + stats.dropped()).isEqualTo(50);
        assertThat(stats.dropped()).isGreaterThanOrEqualTo(refused);
        assertThat(stats.unwritten() + stats.rejected()).isEqualTo(stats.accepted());
    }

    private static List<Long> seqs(List<String> lines) {
        return lines.stream().map(l -> new dev.sigil.contract.codec.PythonJsonReader().read(l).at("/metadata/seq").longValue()).toList();
    }

    private static List<Long> range(int n) {
        return java.util.stream.LongStream.range(0, n).boxed().toList();
    }
}
