package dev.sigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.Metadata;
import dev.sigil.log.ExecutionLogger;
import dev.sigil.log.LoggerSettings;
import dev.sigil.tail.FileTailSource;
import dev.sigil.tail.SkipReason;
import dev.sigil.tail.TailOptions;
import dev.sigil.tail.Tailer;

/**
 * A writer much faster than the reader: the production logger writes a burst as fast as it can (no fsync, small
 * parts so that it rotates again and again, several times between two looks of the tailer) while a tailer with the
 * default 100 ms poll follows {@code execution.jsonl} on its own thread, as the monitor does. Every line of every
 * part must arrive exactly once, in order.
 */
class BurstTest {

    @TempDir
    Path logs;

    @Test
    void aBurstOf100000LinesWithRotationsEveryFewThousandArrivesExactlyOnce() throws Exception {
        burst(100_000, 256 * 1024);
    }

    @Test
    @Tag("heavy")
    void aBurstOfAMillionLines() throws Exception {
        burst(1_000_000, 1024 * 1024);
    }

    private void burst(int count, long partBytes) throws Exception {
        LoggerSettings settings = LoggerSettings.builder().logPath(logs).maxFileSizeBytes(partBytes).fsync(false)
                .queueFullWait(java.time.Duration.ofSeconds(30)).build();
        ExecutionLogger logger = ExecutionLogger.builder(settings).shutdownHook(false).open("burst");
        TailCollector seen = new TailCollector();
        Tailer tailer = new Tailer(new FileTailSource(logger.logFile()), TailOptions.defaults(), seen);
        Thread thread = new Thread(tailer::run, "tailer-under-test");
        thread.start();
        long start = System.nanoTime();
        String last = null;
        try {
            for (int i = 0; i < count; i++) {
                last = "burst s" + i + " " + "b".repeat(i % 80);
                logger.log(EventType.STEP_COMPLETE, Component.REASONING, last, 1, Metadata.builder().put("seq", i).build());
            }
            logger.close();
            assertThat(seen.awaitMessage(last, 300_000)).as("the last line arrived").isTrue();
        } finally {
            tailer.stop();
            thread.join(10_000);
            tailer.close();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<String> inFiles = SessionLines.messages(logger.sessionDirectory());
        ExactlyOnce result = ExactlyOnce.compare(inFiles, seen.messages());
        String context = count + " lines logged, " + logger.stats().written() + " written, " + logger.stats().dropped() + " dropped, "
                + SessionLines.parts(logger.sessionDirectory()) + " rotations, " + millis + " ms: " + result;
        System.out.println("BurstTest: " + context);
        assertThat(logger.stats().written()).as(context).isEqualTo(count);
        assertThat(result.exact() && result.inOrder()).as(context + "; events " + seen.events()).isTrue();
        assertThat(seen.skipsOtherThan(SkipReason.TORN)).isEmpty();
        assertThat(seen.skipped(SkipReason.TORN)).isZero();
    }
}
