package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.sigil.testing.Snapshots;

/**
 * The stream and minimal modes on a session whose lines name models: their summary lines say what it cost (the
 * minimal line, the final summary's components and its cost block), as reviewed golden text; the same lines of a
 * session without usage are Python's bytes (MonitorTextSnapshotTest, MonitorCompatTest), so they must not change.
 */
class MonitorCostTextTest {

    private static String text(String log, String mode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Environment env = new Environment(Map.of(), new ByteArrayInputStream(new byte[0]), out, false, false);
        int code = SigilCommand.commandLine(env, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .execute("monitor", "src/test/resources/monitor/" + log, "--no-follow", "--mode", mode);
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8).replace("\r", "\\r");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"stream", "minimal"})
    void theSummaryLinesSayWhatTheSessionCost(String mode) {
        String text = text("priced-complete.jsonl", mode);
        assertThat(text).contains("Final Cost:").contains("mycorp:internal-llm-7b: unpriced, 1,800 tokens");
        Snapshots.assertMatches("monitor/text-" + mode + "-priced", text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"stream", "minimal"})
    void withoutUsageTheLinesArePythonsAsBefore(String mode) {
        assertThat(text("complete-session.jsonl", mode)).doesNotContain("Cost").doesNotContain("$");
    }
}
