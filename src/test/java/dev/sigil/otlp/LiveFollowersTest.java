package dev.sigil.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.LogEventDecoder;
import io.opentelemetry.proto.logs.v1.LogRecord;

/**
 * {@code --otlp URL} on the followers, {@code tail} and {@code monitor}, into a real OTLP/HTTP receiver: what they
 * read is sent whatever its dialect (seed 002's operation log as well as sigil's entries with 4-64 KiB outputs), one
 * record per line in the log's order, under the session the lines name, and the counts printed at the end are the
 * receiver's.
 */
class LiveFollowersTest {

    private static final Pattern SENT = Pattern.compile("OTLP: sent (\\d+) log records and (\\d+) spans, nothing unsent");

    @TempDir
    Path dir;

    @Test
    void tailForwardsAnOperationLog() throws Exception {
        Path log = dir.resolve("ops.jsonl");
        Files.copy(Path.of("src/test/resources/seeds/seed-002-complete-log-sequence.jsonl"), log);
        List<LogEvent> events = decoded(log);
        try (OtlpCollector collector = OtlpCollector.start()) {
            SigilRun run = SigilRun.run(Map.of("HOME", dir.toString()), "tail", log.toString(), "--otlp", collector.url(), "--otlp-wait", "5");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.stdout().lines()).hasSize(events.size());
            List<OtlpCollector.Received<LogRecord>> records = inLogOrder(collector.records());
            assertThat(records).extracting(r -> r.item().getBody().getStringValue()).containsExactlyElementsOf(events.stream().map(LogEvent::message).toList());
            assertThat(records).extracting(r -> ExportOtlpTest.attrs(r.resource().getAttributesList()).get(SigilNames.SESSION))
                    .containsOnly(events.get(0).sessionId());
            assertThat(records).extracting(r -> ExportOtlpTest.attrs(r.item().getAttributesList()).get(SigilNames.COMPONENT))
                    .containsExactlyElementsOf(events.stream().map(LogEvent::component).toList());
            assertCounts(run.err(), collector);
        }
    }

    @Test
    void monitorForwardsEntriesWithLargeOutputs() throws Exception {
        Path log = dir.resolve("sessions/big-1/execution.jsonl");
        GeneratedLog.write(log, "big-1", 400, 17);
        List<LogEvent> events = decoded(log);
        long largest = Files.readAllLines(log, StandardCharsets.UTF_8).stream().mapToLong(String::length).max().orElseThrow();
        assertThat(largest).as("the log has outputs of several KiB").isGreaterThan(4096);
        try (OtlpCollector collector = OtlpCollector.start()) {
            SigilRun run = SigilRun.run(Map.of("HOME", dir.toString()), "monitor", "--no-follow", "--mode", "stream", log.toString(), "--otlp",
                    collector.url(), "--otlp-wait", "5");
            assertThat(run.exitCode()).as(run.err()).isZero();
            List<OtlpCollector.Received<LogRecord>> records = inLogOrder(collector.records());
            assertThat(records).extracting(r -> r.item().getBody().getStringValue()).containsExactlyElementsOf(events.stream().map(LogEvent::message).toList());
            long withUsage = events.stream().filter(e -> e.usage().hasModel()).count();
            assertThat(collector.spans().stream().filter(s -> s.item().getName().startsWith("chat "))).hasSize((int) withUsage);
            assertCounts(run.err(), collector);
        }
    }

    private static void assertCounts(String err, OtlpCollector collector) {
        Matcher m = SENT.matcher(err);
        assertThat(m.find()).as(err).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(collector.records().size());
        assertThat(Long.parseLong(m.group(2))).isEqualTo(collector.spans().size());
    }

    private static List<OtlpCollector.Received<LogRecord>> inLogOrder(List<OtlpCollector.Received<LogRecord>> records) {
        return records.stream().sorted(Comparator.comparingLong(r -> (Long) ExportOtlpTest.attrs(r.item().getAttributesList()).get(SigilNames.LINE)))
                .toList();
    }

    private static List<LogEvent> decoded(Path log) throws Exception {
        PythonJsonReader reader = new PythonJsonReader();
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().map(l -> LogEventDecoder.decode(reader.read(l))).toList();
    }
}
