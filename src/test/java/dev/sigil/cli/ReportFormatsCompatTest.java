package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import dev.sigil.contract.codec.PythonJsonReader;
import tools.jackson.databind.JsonNode;

/**
 * {@code sigil report} reads other producers' logs through their formats, as the monitor does: each fixture's tokens
 * by model are those compat-tests/python/format_summary.py derives with the standard library from the producer's
 * rules (Claude Code's restated messages counted once, at their last figures; OTLP's several records per line each).
 */
@Tag("compat")
class ReportFormatsCompatTest {

    private static final Path FIXTURES = Path.of("contract/formats/fixtures");

    @TempDir
    Path home;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"claude-code:claude-projects/-home-dev-uploader/7b2e4f10-9c3d-4a58-b6e1-2f0a9d8c7e65.jsonl",
            "claude-code:claude-projects/-home-dev-uploader/7b2e4f10-9c3d-4a58-b6e1-2f0a9d8c7e65/subagents/agent-c0de4e5.jsonl",
            "openai-chat:openai-chat.jsonl", "openai-responses:openai-responses.jsonl", "otel-spans:otel-spans.jsonl",
            "otel-logs:otel-logs.jsonl"})
    void theReportsTokensByModelAreThePythonReferences(String fixture) throws Exception {
        String format = fixture.substring(0, fixture.indexOf(':'));
        // A copy: the report keeps its cache beside each log it reads, and the fixtures are sources.
        String relative = fixture.substring(fixture.indexOf(':') + 1);
        Path file = home.resolve("logs").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.copy(FIXTURES.resolve(relative), file);
        JsonNode expected = new PythonJsonReader().read(python(format, file));
        CliRun r = CliRun.run(Map.of("HOME", home.toString()), "report", "--format", "json", "--by", "model", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, Long> byModel = new HashMap<>();
        long total = -1;
        for (JsonNode row : new PythonJsonReader().read(r.out().strip())) {
            if (row.has("total")) {
                total = row.get("total").get("total_tokens").asLong();
            } else {
                byModel.put(row.get("model").stringValue(), row.get("total_tokens").asLong());
            }
        }
        Map<String, Long> reference = new HashMap<>();
        expected.get("models").properties().forEach(e -> reference.put(e.getKey(), e.getValue().asLong()));
        long unknown = expected.get("tokens").get("unknown_model").asLong();
        if (unknown > 0) {
            reference.put("(unknown model)", unknown); // tokens of no model: the report's row of their own
        }
        assertThat(byModel).isEqualTo(reference);
        assertThat(total).isEqualTo(expected.get("tokens").get("total").asLong()).isPositive();
    }

    private static String python(String format, Path file) throws Exception {
        ProcessResult r = new ProcessExecutor().command(List.of("python3", "compat-tests/python/format_summary.py", format, file.toString()))
                .readOutput(true).exitValueAny().timeout(60, TimeUnit.SECONDS).execute();
        assertThat(r.getExitValue()).as(r.outputUTF8()).isZero();
        return r.outputUTF8();
    }
}
