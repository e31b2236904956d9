package dev.sigil.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.Metadata;
import tools.jackson.databind.JsonNode;

/** Many threads logging at once: every line whole and parseable, nothing lost or duplicated, each thread's order kept. */
class ConcurrentWritersTest {

    @TempDir
    Path tmp;

    @Test
    void everyLineIsWholeAndEachThreadsOrderIsKept() throws Exception {
        int threads = 8;
        int perThread = 2_500;
        LoggerSettings settings = LoggerSettings.builder().logPath(tmp).queueCapacity(1 << 16).build();
        RecordingReporter reporter = new RecordingReporter();
        ExecutionLogger logger = ExecutionLogger.builder(settings).reporter(reporter).shutdownHook(false).open("many");
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread w = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    // Messages of varied length (and non-ASCII) so that lines straddle batch boundaries.
                    logger.log(EventType.REASONING_STEP, Component.REASONING, "t" + thread + " \u00e9 " + "x".repeat(i % 97), i % 5,
                            Metadata.builder().put("thread", thread).put("seq", i).build());
                }
            });
            w.start();
            workers.add(w);
        }
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        logger.close();

        assertThat(reporter.messages).isEmpty();
        assertThat(logger.stats().written()).isEqualTo(threads * perThread);
        List<JsonNode> records = LogFiles.allLines(logger.sessionDirectory()).stream()
                .map(l -> new dev.sigil.contract.codec.PythonJsonReader().read(l)).toList();
        assertThat(records).hasSize(threads * perThread);
        Map<Integer, Integer> nextSeq = new HashMap<>();
        for (JsonNode r : records) {
            int thread = r.at("/metadata/thread").intValue();
            int seq = r.at("/metadata/seq").intValue();
            assertThat(seq).as("thread %d", thread).isEqualTo(nextSeq.getOrDefault(thread, 0));
            nextSeq.put(thread, seq + 1);
        }
        LoggerStats stats = logger.stats();
        assertThat(stats.written()).isEqualTo(threads * perThread);
        assertThat(stats.clean()).isTrue();
        assertThat(reporter.messages).isEmpty();
    }

    @Test
    void flushMakesEverythingLoggedSoFarVisible() throws IOException {
        LoggerSettings settings = LoggerSettings.builder().logPath(tmp).build();
        try (ExecutionLogger logger = ExecutionLogger.builder(settings).shutdownHook(false).open("visible")) {
            for (int i = 0; i < 3; i++) {
                logger.log(EventType.STEP_START, Component.ROUTING, "s" + i);
            }
            assertThat(logger.flush()).isTrue();
            assertThat(LogFiles.lines(logger.logFile())).hasSize(3);
        }
    }
}
