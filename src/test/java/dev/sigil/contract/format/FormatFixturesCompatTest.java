package dev.sigil.contract.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each built-in format's fixture (contract/formats/fixtures/, written from the producers' documentation, or by the
 * producer itself: pino, bunyan and structlog made theirs) read by sigil gives the summary that
 * compat-tests/python/format_summary.py derives with CPython's standard library from the producer's own rules:
 * the same events, levels, errors, tokens by kind and model (Claude Code's restated messages counted once, at their
 * last figures), components, sessions and times. The format is found from the file itself, never forced.
 */
@Tag("compat")
class FormatFixturesCompatTest {

    private static final Path FIXTURES = Path.of("contract/formats/fixtures");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> fixtures() {
        Path claude = FIXTURES.resolve("claude-projects/-home-dev-uploader");
        return Stream.of(
                Arguments.of("sigil", FIXTURES.resolve("sigil.jsonl")),
                Arguments.of("operation-log", FIXTURES.resolve("operation-log.jsonl")),
                Arguments.of("claude-code", claude.resolve("7b2e4f10-9c3d-4a58-b6e1-2f0a9d8c7e65.jsonl")),
                Arguments.of("claude-code", claude.resolve("7b2e4f10-9c3d-4a58-b6e1-2f0a9d8c7e65/subagents/agent-c0de4e5.jsonl")),
                Arguments.of("openai-chat", FIXTURES.resolve("openai-chat.jsonl")),
                Arguments.of("openai-responses", FIXTURES.resolve("openai-responses.jsonl")),
                Arguments.of("otel-logs", FIXTURES.resolve("otel-logs.jsonl")),
                Arguments.of("otel-spans", FIXTURES.resolve("otel-spans.jsonl")),
                Arguments.of("pino", FIXTURES.resolve("pino.jsonl")),
                Arguments.of("bunyan", FIXTURES.resolve("bunyan.jsonl")),
                Arguments.of("structlog", FIXTURES.resolve("structlog.jsonl")),
                Arguments.of("pino", FIXTURES.resolve("mixed.log")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("fixtures")
    void sigilReadsTheFixtureAsThePythonReferenceDoes(String format, Path file) throws Exception {
        FixtureSummary sigil = FixtureSummary.of(file, FormatSet.builtIn());
        assertThat(sigil.formats).as("the format found from the file").containsExactly(format);
        JsonNode expected = JSON.readTree(python(format, file));
        JsonNode actual = JSON.readTree(JSON.writeValueAsString(sigil.summary));
        assertThat(actual.toPrettyString()).isEqualTo(expected.toPrettyString());
        assertThat(actual.get("events").asLong()).as("a fixture with events").isPositive();
    }

    private static String python(String format, Path file) throws IOException, InterruptedException, java.util.concurrent.TimeoutException {
        ProcessResult r = new ProcessExecutor().command(List.of("python3", "compat-tests/python/format_summary.py", format, file.toString()))
                .readOutput(true).exitValueAny().timeout(60, TimeUnit.SECONDS).execute();
        assertThat(r.getExitValue()).as(r.outputUTF8()).isZero();
        return r.outputUTF8();
    }
}
