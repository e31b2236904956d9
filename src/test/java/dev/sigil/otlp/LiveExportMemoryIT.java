package dev.sigil.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opentelemetry.proto.logs.v1.LogRecord;

/**
 * {@code scripts/sigil tail --otlp} with the launcher's 64 MB reader heap (ADR 0065) on 35 MB of entries with 4-64 KiB
 * outputs while the collector is away, then back: the queue kept for it is bounded by bytes in proportion to the heap,
 * so the process never runs out of memory; what did not fit is dropped, said once and counted, and every line is
 * either received or counted unsent.
 */
class LiveExportMemoryIT {

    static final Path HOME = Path.of(System.getProperty("sigil.home", ".")).toAbsolutePath();
    private static final Pattern COUNTS = Pattern.compile("OTLP: sent (\\d+) log records and \\d+ spans; not sent: (\\d+) log records");

    @TempDir
    Path dir;

    @Test
    void aSmallHeapKeepsWhatFitsAndCountsTheRest() throws Exception {
        Path log = dir.resolve("big.jsonl");
        GeneratedLog.write(log, "heap-1", 1000, 23);
        int lines = (int) (1000 * (40L << 20) / Files.size(log)) + 1; // about 35 MB
        GeneratedLog.write(log, "heap-1", lines, 23);
        long withLarge = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.length() > 4096).count();
        assertThat(withLarge).as("entries with outputs of several KiB").isGreaterThan(lines / 40);
        Path stderr = dir.resolve("err.txt");
        try (OtlpCollector collector = OtlpCollector.start()) {
            collector.stop();
            ProcessBuilder b = new ProcessBuilder(HOME.resolve("scripts/sigil").toString(), "tail", log.toString(), "--otlp", collector.url(),
                    "--otlp-wait", "60").directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile());
            b.environment().put("SIGIL_NO_BUILD", "1");
            b.environment().put("HOME", dir.toString());
            Process p = b.start();
            try {
                check(p, stderr, collector, log, lines);
            } finally {
                p.destroyForcibly();
            }
        }
    }

    private static void check(Process p, Path stderr, OtlpCollector collector, Path log, int lines) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(stderr).contains("is full") && p.isAlive() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        collector.restart();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(err).doesNotContain("out of memory").doesNotContain("Exception")
                .containsOnlyOnce("OTLP: the queue to " + collector.url() + " is full (");
        assertThat(err).containsPattern("is full \\([4-8] MiB\\)"); // an eighth of a heap of about 62 MiB: not the 64 MiB of a large heap
        Matcher m = COUNTS.matcher(err);
        assertThat(m.find()).as(err).isTrue();
        assertThat(p.exitValue()).as("what was not sent makes the exit code 1").isEqualTo(1);
        Set<Long> received = new HashSet<>();
        for (OtlpCollector.Received<LogRecord> r : collector.records()) {
            received.add((Long) ExportOtlpTest.attrs(r.item().getAttributesList()).get(SigilNames.LINE));
        }
        System.out.println("LiveExportMemoryIT: " + lines + " lines (" + (Files.size(log) >> 20) + " MiB), " + received.size()
                + " received, " + m.group(2) + " counted unsent");
        assertThat(Long.parseLong(m.group(1))).isEqualTo(received.size());
        assertThat(received.size() + Long.parseLong(m.group(2))).as("every line received or counted").isEqualTo(lines);
        assertThat(received).isNotEmpty();
    }
}
