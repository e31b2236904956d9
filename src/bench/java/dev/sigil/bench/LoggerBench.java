package dev.sigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.Metadata;
import dev.sigil.log.ExecutionLogger;
import dev.sigil.log.LoggerSettings;
import dev.sigil.log.LoggerStats;

/**
 * The logger's side of the benchmark: logs N entries from one thread with the default settings (fsync on) except
 * that a caller waits for room in a full queue instead of dropping the entry, timing each {@code log} call, then
 * closes the logger (everything written and fsync'd) and prints one JSON line: entries/s from the first call to the
 * end of close, and the call's latency percentiles in microseconds (waits for room included).
 *
 * <p>{@code LoggerBench DIR N}
 */
public final class LoggerBench {

    private LoggerBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        run(dir, "warmup", Math.min(n, 100_000));
        String result = run(dir, "bench", n);
        System.out.println(result);
    }

    private static String run(Path dir, String session, int n) throws Exception {
        // A caller that waits for room rather than dropping: the rate is what the writer sustains, nothing lost.
        LoggerSettings settings = LoggerSettings.defaults().toBuilder().logPath(dir).fsync(true)
                .queueFullWait(java.time.Duration.ofSeconds(30)).build();
        Metadata metadata = Metadata.builder().latencyMs(1234.5).operation("reason").put("items", 17L).build();
        long[] latency = new long[n];
        long start = System.nanoTime();
        LoggerStats stats;
        try (ExecutionLogger logger = ExecutionLogger.builder(settings).shutdownHook(false).open(session)) {
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                logger.log(EventType.STEP_COMPLETE, Component.REASONING, "Step complete: analysis of the lead", 120, metadata);
                latency[i] = System.nanoTime() - t0;
            }
            logger.close();
            stats = logger.stats();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latency);
        return String.format(java.util.Locale.ROOT,
                "{\"entries\":%d,\"entries_per_s\":%.0f,\"p50_us\":%.2f,\"p99_us\":%.2f,\"p999_us\":%.2f,\"max_us\":%.1f,\"stats\":\"%s\"}",
                n, n / seconds, q(latency, 0.5), q(latency, 0.99), q(latency, 0.999), latency[n - 1] / 1000.0, stats);
    }

    private static double q(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1000.0;
    }
}
