package dev.sigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.orchestrate.SessionAudit;
import tools.jackson.databind.JsonNode;

/**
 * A step whose output is as large as a command step's may be (16 MiB, docs/orchestrate.md) and holds no space
 * (Japanese and English letters: one pre-token for the tokenizer), through the launcher as a user runs it: its tokens
 * are counted in bounded pieces (ADR 0066), so a heap of 1 GiB is plenty where counting it whole needed 3.2 GB and
 * killed the run with the log cut after {@code step_start}; and when the heap is too small anyway, the session ends
 * with a {@code session_error} that says so, never with a torn log (ADR 0065).
 */
class OrchestrateMemoryIT {

    private static final Path HOME = Path.of(System.getProperty("sigil.home", ".")).toAbsolutePath();
    private static final int OUTPUT_BYTES = (16 << 20) - 16;

    @TempDir
    Path dir;

    private Path pipeline() throws IOException {
        return Files.writeString(dir.resolve("big.yaml"), """
                name: big-output
                steps:
                  - id: analyze
                    component: reasoning
                    command: ["python3", "-c", "import sys; sys.stdout.buffer.write(('思考の過程reasoning' * %d).encode())"]
                  - id: check
                    component: validation
                    depends_on: [analyze]
                    command: ["python3", "-c", "import sys; sys.stdin.read(); print('checked')"]
                """.formatted(OUTPUT_BYTES / 24));
    }

    private MeasuredRun orchestrate(String what, String session, String heap) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("env", "SIGIL_NO_BUILD=1", "SIGIL_JAVA_OPTS=" + heap, "HOME=" + dir,
                HOME.resolve("scripts/sigil").toString(), "orchestrate", "--log-path", dir.resolve("logs").toString(), "--session",
                session, "--budget", "100000000", "--pipeline", pipeline().toString(), "analyze the big output"));
        return MeasuredRun.run(what, dir, cmd, null, 300);
    }

    @Test
    void aStepOutputOf16MiBIsCountedWithinAGibibyteOfHeap() throws Exception {
        MeasuredRun run = orchestrate("orchestrate 16 MiB, 1 GiB heap", "big", "-Xmx1g");
        System.out.println(run);
        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        SessionAudit audit = SessionAudit.of(dir.resolve("logs/sessions/big"));
        assertThat(audit.findings()).isEmpty();
        assertThat(audit.last().get("event_type").stringValue()).isEqualTo("session_complete");
        assertThat(audit.steps("step_complete")).containsExactly("analyze", "check");
        Map<String, Long> byComponent = audit.logTokensByComponent();
        // At least a token per 8 bytes of output; the check step's prompt holds the output once more.
        assertThat(byComponent.get("reasoning")).isGreaterThan(OUTPUT_BYTES / 8);
        assertThat(byComponent.get("validation")).isGreaterThan(byComponent.get("reasoning"));
        assertThat(audit.tokensJson().get("total_used").longValue()).isEqualTo(audit.logTokens());
        assertThat(run.peakRssKb()).as("peak RSS").isLessThan(1024 * 1024);
    }

    @Test
    void outOfMemoryInAStepEndsTheSessionWithASessionErrorLine() throws Exception {
        MeasuredRun run = orchestrate("orchestrate 16 MiB, 128 MiB heap", "small-heap", "-Xmx128m");
        System.out.println(run);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        SessionAudit audit = SessionAudit.of(dir.resolve("logs/sessions/small-heap"));
        assertThat(audit.problems()).as("every line whole and valid").isEmpty();
        JsonNode end = audit.last();
        assertThat(end.get("event_type").stringValue()).isEqualTo("session_error");
        assertThat(end.get("metadata").get("error_type").stringValue()).isEqualTo("MemoryError");
        assertThat(end.get("metadata").at("/error_info/error_code").stringValue()).isEqualTo("SYSTEM_003");
        assertThat(end.get("metadata").at("/error_info/severity").stringValue()).as("a system error: critical").isEqualTo("critical");
        assertThat(end.get("metadata").get("error").stringValue()).contains("out of memory in step analyze", "SIGIL_JAVA_OPTS=-Xmx256m");
        assertThat(audit.tokensJson().get("total_used").longValue()).isEqualTo(audit.logTokens());
        assertThat(run.out()).contains("Result: MemoryError: out of memory in step analyze", "Error SYSTEM_003: Give sigil a larger heap");
        assertThat(run.err() + run.out()).doesNotContain("Exception", "\tat ", "OutOfMemoryError");
    }
}
