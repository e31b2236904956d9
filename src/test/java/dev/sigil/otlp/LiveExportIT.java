package dev.sigil.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.opentelemetry.proto.logs.v1.LogRecord;

/**
 * A live export through a collector outage, as a user runs it: {@code scripts/sigil orchestrate --otlp} (the packaged
 * launcher) while the test's OTLP receiver goes away for 10 s and comes back on the same port. Nothing is lost (every
 * line of the log arrives as a record), a line arrives twice only if its request was sent again (OTLP's retry: the
 * receiver may have taken it before the connection broke), and the printed counts say so.
 */
class LiveExportIT {

    static final Path HOME = Path.of(System.getProperty("sigil.home", ".")).toAbsolutePath();
    private static final Pattern COUNTS = Pattern.compile("OTLP: sent (\\d+) log records and (\\d+) spans, nothing unsent(; (\\d+) requests? w)?");

    @TempDir
    Path home;

    @Test
    void aTenSecondOutageLosesNothing() throws Exception {
        Path logs = home.resolve("logs");
        Path stderr = home.resolve("stderr.txt");
        try (OtlpCollector collector = OtlpCollector.start()) {
            ProcessBuilder b = new ProcessBuilder(HOME.resolve("scripts/sigil").toString(), "orchestrate", "--speed", "1", "--otlp", collector.url(),
                    "--otlp-wait", "30", "-s", "outage-1", "-l", logs.toString(), "Qualify this lead: John Smith, CEO at Acme Corp")
                    .directory(home.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile());
            b.environment().put("SIGIL_NO_BUILD", "1");
            b.environment().put("HOME", home.toString());
            Process p = b.start();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (collector.records().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(collector.records()).as("the first records arrive while the run goes on").isNotEmpty();
            collector.stop();
            Thread.sleep(10_000);
            collector.restart();
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(err).isZero();

            List<String> lines = Files.readAllLines(logs.resolve("sessions/outage-1/execution.jsonl"), StandardCharsets.UTF_8);
            Map<Long, Integer> seen = new HashMap<>();
            for (OtlpCollector.Received<LogRecord> r : collector.records()) {
                seen.merge((Long) ExportOtlpTest.attrs(r.item().getAttributesList()).get(SigilNames.LINE), 1, Integer::sum);
            }
            for (long n = 1; n <= lines.size(); n++) {
                assertThat(seen).as("line " + n + " arrived").containsKey(n);
            }
            assertThat(seen).hasSize(lines.size());
            long duplicates = seen.values().stream().mapToLong(c -> c - 1).sum();

            Matcher m = COUNTS.matcher(err);
            assertThat(m.find()).as(err).isTrue();
            assertThat(Long.parseLong(m.group(1))).isEqualTo(lines.size());
            long retried = m.group(4) == null ? 0 : Long.parseLong(m.group(4));
            System.out.println("LiveExportIT: " + lines.size() + " lines, " + collector.records().size() + " records received (" + duplicates
                    + " twice), " + retried + " requests sent again; " + err.lines().filter(l -> l.contains("OTLP: sent")).findFirst().orElse(""));
            assertThat(retried).as("the outage made the exporter send again: " + err).isPositive();
            assertThat(duplicates).as("twice only within requests sent again").isLessThanOrEqualTo(retried * 1024);
            assertThat(err).containsOnlyOnce("OTLP: cannot send to " + collector.url()).containsOnlyOnce("takes requests again");
            long spans = collector.spans().stream().map(s -> s.item().getSpanId()).distinct().count();
            assertThat(Long.parseLong(m.group(2))).isGreaterThanOrEqualTo(spans);
            assertThat(spans).as("a root, a span per step").isGreaterThan(lines.size() / 3);
        }
    }
}
