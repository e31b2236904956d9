package dev.sigil.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code sigil export otlp} takes a real collector's refusals: an answer worth retrying (503, the collector
 * overloaded) is sent again until taken, nothing lost and nothing held twice; an answer that is not (401, a missing
 * token) gives the batch up at once, counted, said once, never sent again.
 */
class CollectorAnswersTest {

    private static final int LINES = 40;

    @TempDir
    Path dir;

    private Path log() throws Exception {
        Path log = dir.resolve("s.jsonl");
        GeneratedLog.write(log, "answers-1", LINES, 9);
        return log;
    }

    @Test
    void anOverloadedCollectorIsSentTheBatchAgain() throws Exception {
        Path log = log();
        try (OtlpCollector collector = OtlpCollector.start()) {
            collector.refuse(503, 2);
            SigilRun run = SigilRun.run(Map.of("HOME", dir.toString()), "export", "otlp", "--endpoint", collector.url(), "--wait", "20", log.toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(collector.refused()).hasSize(2);
            assertThat(collector.records()).hasSize(LINES);
            assertThat(collector.records()).extracting(r -> ExportOtlpTest.attrs(r.item().getAttributesList()).get(SigilNames.LINE))
                    .doesNotHaveDuplicates();
            assertThat(run.out()).contains("sent " + LINES + " log records and " + collector.spans().size() + " spans, nothing unsent")
                    .contains("2 requests were sent again after a failure");
            assertThat(run.err()).containsOnlyOnce("(HTTP 503)").containsOnlyOnce("takes requests again");
        }
    }

    @Test
    void aRefusalNotWorthRetryingGivesTheBatchUpAtOnce() throws Exception {
        Path log = log();
        try (OtlpCollector collector = OtlpCollector.start()) {
            collector.refuse(401, 1000);
            SigilRun run = SigilRun.run(Map.of("HOME", dir.toString()), "export", "otlp", "--endpoint", collector.url(), "--wait", "20", log.toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.out()).contains("sent 0 log records and 0 spans; not sent: " + LINES + " log records and ");
            assertThat(run.err()).containsOnlyOnce("HTTP 401 (not authorised: check OTEL_EXPORTER_OTLP_HEADERS)");
            assertThat(collector.refused()).isNotEmpty();
            assertThat(collector.refused().stream().map(ByteBuffer::wrap)).as("no request sent twice").doesNotHaveDuplicates();
            assertThat(collector.records()).isEmpty();
        }
    }
}
