package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sigil monitor --mode minimal} on other producers' files totals the tokens that
 * compat-tests/python/format_summary.py derives with CPython's standard library from the producer's rules (Claude
 * Code's cache tokens added to its input, a message written on several lines counted once at its last figures;
 * OpenAI's and OpenTelemetry's usage fields).
 */
@Tag("compat")
class MonitorFormatsCompatTest {

    private static final Path FIXTURES = Path.of("contract/formats/fixtures");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TOKENS = Pattern.compile("(?m)^Tokens: ([0-9,]+) / ");

    @TempDir
    Path home;

    private String monitor(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter text = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(Map.of("HOME", home.toString()), new ByteArrayInputStream(new byte[0]), bytes, false, false);
        int code = SigilCommand.commandLine(env, new PrintWriter(text, true), new PrintWriter(err, true)).execute(args);
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        return text + bytes.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"claude-projects/-home-dev-uploader/7b2e4f10-9c3d-4a58-b6e1-2f0a9d8c7e65.jsonl", "openai-chat.jsonl",
        "openai-responses.jsonl", "otel-spans.jsonl", "otel-logs.jsonl"})
    void theMinimalModeTotalsWhatThePythonReferenceTotals(String fixture) throws Exception {
        Path file = FIXTURES.resolve(fixture);
        String format = fixture.startsWith("claude") ? "claude-code" : fixture.substring(0, fixture.length() - ".jsonl".length());
        JsonNode expected = JSON.readTree(python(format, file));
        Matcher m = TOKENS.matcher(monitor("monitor", "--mode", "minimal", "--no-follow", file.toString()));
        assertThat(m.find()).as("a Tokens line").isTrue();
        long total = expected.at("/tokens/total").asLong();
        assertThat(Long.parseLong(m.group(1).replace(",", ""))).isEqualTo(total);
        assertThat(total).as("a fixture with tokens").isPositive();
    }

    @org.junit.jupiter.api.Test
    void aFolderOfTranscriptsShowsItsNewestSessionWithItsSubAgents() throws Exception {
        Path root = dev.sigil.monitor.TranscriptFolderTestAccess.projects(home.resolve("projects"));
        Path session = root.resolve("-home-dev-uploader/7b2e4f10-9c3d-4a58-b6e1-2f0a9d8c7e65.jsonl");
        Path agent = root.resolve("-home-dev-uploader/7b2e4f10-9c3d-4a58-b6e1-2f0a9d8c7e65/subagents/agent-c0de4e5.jsonl");
        long expected = JSON.readTree(python("claude-code", session)).at("/tokens/total").asLong()
                + JSON.readTree(python("claude-code", agent)).at("/tokens/total").asLong();
        Matcher m = TOKENS.matcher(monitor("monitor", "--mode", "minimal", "--no-follow", root.toString()));
        assertThat(m.find()).as("a Tokens line").isTrue();
        assertThat(Long.parseLong(m.group(1).replace(",", ""))).isEqualTo(expected);
    }

    private static String python(String format, Path file) throws Exception {
        ProcessResult r = new ProcessExecutor().command(List.of("python3", "compat-tests/python/format_summary.py", format, file.toString()))
                .readOutput(true).exitValueAny().timeout(60, TimeUnit.SECONDS).execute();
        assertThat(r.getExitValue()).as(r.outputUTF8()).isZero();
        return r.outputUTF8();
    }
}
