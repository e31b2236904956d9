package dev.sigil.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import dev.sigil.cli.Environment;
import dev.sigil.cli.SigilCommand;
import dev.sigil.contract.codec.PythonJsonReader;
import tools.jackson.databind.JsonNode;

/**
 * Logs written by {@code sigil orchestrate} read by the documented monitor's state (seed 001 §4.3
 * {@code SessionState.update_from_entry}, in CPython: compat-tests/python/monitor_state.py over
 * monitor_reference.py), by sigil's own monitor ({@code sigil monitor --mode stream --no-follow}, its final summary)
 * and compared with tokens.json: the same total, per-component tokens, status and budget. The documented monitor
 * adds the tokens of every line, so this holds only because sigil's logs count each token once.
 */
@Tag("compat")
class OrchestrateCompatTest {

    private static final Path STATE = Path.of("compat-tests/python/monitor_state.py").toAbsolutePath();
    private static final String TASK = "Research market trends for AI startups";

    @TempDir
    Path home;

    private Path logs() {
        return home.resolve("logs");
    }

    @Test
    void builtInRunsAgree() throws Exception {
        int contractRetries = 0;
        for (int seed = 0; seed < 6; seed++) {
            String id = "builtin-" + seed;
            assertThat(orchestrate(id, "--speed", "0", "--seed", Integer.toString(seed), TASK)).isZero();
            agree(id, "complete");
            contractRetries += SessionAudit.of(logs().resolve("sessions").resolve(id)).events("retry_attempt").size();
        }
        assertThat(contractRetries).as("some runs retried their contract check (steps run twice)").isPositive();
    }

    @Test
    void theExampleCommandPipelineAgrees() throws Exception {
        assertThat(orchestrate("example", "--speed", "0", "--pipeline", Path.of("docs/examples/lead-pipeline.yaml").toAbsolutePath().toString(),
                TASK)).isZero();
        agree("example", "complete");
    }

    @Test
    void aRunOutOfBudgetAndItsResumeAgree() throws Exception {
        assertThat(orchestrate("budget", "--speed", "0", "--budget", "1500", TASK)).isEqualTo(3);
        agree("budget", "error");
        assertThat(orchestrate("budget", "--speed", "0", "--resume", "--budget", "100000")).isZero();
        agree("budget", "complete");
    }

    private int orchestrate(String id, String... more) {
        List<String> args = new ArrayList<>(List.of("orchestrate", "--session", id, "--log-path", logs().toString()));
        args.addAll(List.of(more));
        Environment env = new Environment(Map.of("HOME", home.toString()), new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), false, false);
        return SigilCommand.commandLine(env, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .execute(args.toArray(String[]::new));
    }

    private void agree(String id, String status) throws Exception {
        Path dir = logs().resolve("sessions").resolve(id);
        SessionAudit audit = SessionAudit.of(dir);
        assertThat(audit.findings()).isEmpty();
        JsonNode tokens = audit.tokensJson();
        JsonNode python = python(dir.resolve("execution.jsonl"), id);
        Summary sigil = sigilMonitor(id);

        assertThat(python.get("status").stringValue()).as("documented monitor's status").isEqualTo(status);
        assertThat(sigil.status()).isEqualTo(status.toUpperCase(java.util.Locale.ROOT));
        long total = tokens.get("total_used").longValue();
        assertThat(python.get("tokens_used").longValue()).as("documented monitor's total").isEqualTo(total);
        assertThat(sigil.total()).as("sigil monitor's total").isEqualTo(total);
        long budget = tokens.get("total_budget").longValue();
        assertThat(python.get("total_budget").longValue()).isEqualTo(budget);
        assertThat(sigil.budget()).isEqualTo(budget);
        assertThat(python.get("tokens_remaining").longValue()).isEqualTo(Math.max(0, budget - total));

        Map<String, Long> expected = new LinkedHashMap<>();
        tokens.get("components").properties().forEach(c -> expected.put(c.getKey(), c.getValue().get("used").longValue()));
        Map<String, Long> documented = new LinkedHashMap<>();
        python.get("components").properties().forEach(c -> documented.put(c.getKey(), c.getValue().get("tokens_used").longValue()));
        expected.forEach((component, used) -> {
            assertThat(documented.getOrDefault(component, 0L)).as("documented monitor's %s", component).isEqualTo(used);
            assertThat(sigil.components().getOrDefault(component, 0L)).as("sigil monitor's %s", component).isEqualTo(used);
        });
        assertThat(expected.keySet()).containsAll(documented.keySet()).containsAll(sigil.components().keySet());
    }

    private static JsonNode python(Path log, String id) throws Exception {
        ProcessResult r;
        try {
            r = new ProcessExecutor().command("python3", STATE.toString(), log.toString(), id).readOutput(true)
                    .redirectError(new ByteArrayOutputStream()).timeout(60, TimeUnit.SECONDS).execute();
        } catch (IOException e) {
            throw new AssertionError("python3 is needed for this test (install CPython 3.8 or newer): " + e.getMessage(), e);
        }
        assertThat(r.getExitValue()).as("monitor_state.py exit code").isZero();
        return new PythonJsonReader().read(r.outputUTF8().strip());
    }

    /** sigil monitor's final summary, read back from its text. */
    record Summary(String status, long total, long budget, Map<String, Long> components) {
    }

    private Summary sigilMonitor(String id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Environment env = new Environment(Map.of("HOME", home.toString()), new ByteArrayInputStream(new byte[0]), out, false, false);
        StringWriter err = new StringWriter();
        int code = SigilCommand.commandLine(env, new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("monitor", "--session", id, "--log-path", logs().toString(), "--mode", "stream", "--no-follow");
        assertThat(code).as("sigil monitor: %s", err).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        Matcher status = Pattern.compile("(?m)^Status:   (\\S+)$").matcher(text);
        Matcher total = Pattern.compile("(?m)^  Total:     ([\\d,]+) / ([\\d,]+)$").matcher(text);
        assertThat(status.find() && total.find()).as("a final summary in:\n%s", text).isTrue();
        Map<String, Long> components = new LinkedHashMap<>();
        Matcher c = Pattern.compile("(?m)^  (\\w+)\\s*: ([\\d,]+) tokens, \\d+ms(?:, (?:\\$|unpriced).*)?$").matcher(text);
        while (c.find()) {
            components.put(c.group(1), number(c.group(2)));
        }
        return new Summary(status.group(1), number(total.group(1)), number(total.group(2)), components);
    }

    private static long number(String grouped) {
        return Long.parseLong(grouped.replace(",", ""));
    }
}
