package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code sigil validate} in-process: output forms, exit codes, and no stack trace whatever the input. */
class ValidateCommandTest {

    private static final String VALID = "{\"timestamp\":\"2026-01-11T10:15:32\",\"session_id\":\"s1\",\"event_type\":\"step_complete\","
            + "\"component\":\"routing\",\"message\":\"ok\",\"tokens\":5,\"metadata\":{}}";
    private static final Path EXAMPLES = Path.of("contract/examples").toAbsolutePath();

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void validFileExitsZeroWithASummaryOnStderr() {
        CliCapture r = CliCapture.run("validate", EXAMPLES.resolve("valid/seed-001-session.jsonl").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEqualTo("1 file, 7 lines: 7 valid, 0 invalid" + System.lineSeparator());
    }

    @Test
    void syntaxErrorsGiveLineAndColumnSchemaErrorsGiveAPointer() throws IOException {
        Path log = file("log.jsonl", VALID + "\n{\"a\":1,}\n" + VALID.replace("\"routing\"", "\"router\"") + "\n");
        CliCapture r = CliCapture.run("validate", log.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith(log + ":2:8: ").contains("expecting a property name in double quotes");
        assertThat(lines.get(1)).startsWith(log + ":3: /component: ");
        assertThat(r.stderr()).contains("3 lines: 1 valid, 2 invalid");
    }

    @Test
    void blankLinesAreNotErrors() throws IOException {
        Path log = file("log.jsonl", VALID + "\n\n   \t\r\n" + VALID + "\n");
        CliCapture r = CliCapture.run("validate", log.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.stderr()).contains("4 lines: 2 valid, 0 invalid (2 blank)");
    }

    @Test
    void readsStandardInputForADash() {
        CliCapture r = CliCapture.with(VALID + "\nnot json\n").run("validate", "-");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.stdout()).startsWith("-:2:1: ");
    }

    @Test
    void invalidExamplesAreReportedWithTheirRules() {
        CliCapture r = CliCapture.run("validate", "--format", "json", EXAMPLES.resolve("invalid/non-finite.jsonl").toString(),
                EXAMPLES.resolve("invalid/invalid-utf8.jsonl").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> records = r.stdout().lines().map(json::readTree).toList();
        assertThat(records).hasSize(7);
        assertThat(records.get(0).get("rule").asString()).isEqualTo("non-finite");
        assertThat(records.get(0).get("pointer").asString()).isEqualTo("/metadata/latency_ms");
        assertThat(records.get(3).get("rule").asString()).isEqualTo("json");
        // The first line of invalid-utf8.jsonl is ASCII up to its 0xff byte: the column is that byte's offset + 1.
        byte[] first = readFirstLine(EXAMPLES.resolve("invalid/invalid-utf8.jsonl"));
        int bad = 0;
        while ((first[bad] & 0xFF) != 0xff) {
            bad++;
        }
        assertThat(records.get(3).get("column").asInt()).isEqualTo(bad + 1);
        JsonNode summary = records.get(6).get("summary");
        assertThat(summary.get("files").asInt()).isEqualTo(2);
        assertThat(summary.get("invalid").asInt()).isEqualTo(6);
    }

    private static byte[] readFirstLine(Path file) {
        try {
            byte[] all = Files.readAllBytes(file);
            int nl = 0;
            while (all[nl] != '\n') {
                nl++;
            }
            return Arrays.copyOf(all, nl);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void maxErrorsStopsEarly() {
        CliCapture r = CliCapture.run("validate", "--max-errors", "2", EXAMPLES.resolve("invalid/bad-timestamp.jsonl").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.stdout().lines()).hasSize(2);
        assertThat(r.stderr()).startsWith("stopped after 2 problems; ");
    }

    @Test
    void overLongLinesAreReportedAndSkipped() throws IOException {
        Path log = file("log.jsonl", VALID + "\n" + "[" + "1,".repeat(100) + "1]\n" + VALID + "\n");
        CliCapture r = CliCapture.run("validate", "--max-line-bytes", "190", log.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.stdout()).isEqualTo(log + ":2: line of 203 bytes is longer than the limit of 190 bytes (--max-line-bytes); skipped\n");
    }

    @Test
    void anotherSchemaCanBeNamed() throws IOException {
        Path schema = file("s.json", "{\"type\":\"object\",\"required\":[\"x\"]}");
        Path log = file("log.jsonl", "{\"x\":1}\n{\"y\":1}\n");
        CliCapture r = CliCapture.run("validate", "--schema", schema.toString(), log.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.stdout()).startsWith(log + ":2: /: ");
    }

    @Test
    void problemsWithTheCommandItselfExitTwoWithOneLine() throws IOException {
        Path notJson = file("bad.json", "{");
        Path badSchema = file("bad-schema.json", "{\"type\": 5}");
        List<List<String>> cases = List.of(
                List.of("validate", dir.resolve("missing.jsonl").toString()),
                List.of("validate", dir.toString()),
                List.of("validate", "--schema", dir.resolve("none.json").toString(), "-"),
                List.of("validate", "--schema", notJson.toString(), "-"),
                List.of("validate", "--schema", badSchema.toString(), "-"),
                List.of("validate", "--max-errors", "-1", "-"),
                List.of("validate", "--max-line-bytes", "0", "-"),
                List.of("validate", "--format", "xml", "-"),
                List.of("validate"));
        for (List<String> args : cases) {
            CliCapture r = CliCapture.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as("exit code of %s", args).isEqualTo(ExitCode.USAGE);
            assertThat(r.stderr()).as("stderr of %s", args).isNotBlank().doesNotContain("\tat ", "Exception", "internal error");
        }
    }

    @Test
    void aMissingFileDoesNotStopTheOthers() {
        CliCapture r = CliCapture.run("validate", dir.resolve("missing.jsonl").toString(), EXAMPLES.resolve("valid/components.jsonl").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.stderr()).contains("missing.jsonl: no such file").contains("1 file, 7 lines: 7 valid, 0 invalid");
    }

    @Test
    void noStackTraceWhateverTheBytes() {
        byte[] garbage = new byte[4096];
        new java.util.Random(42).nextBytes(garbage);
        byte[] input = Arrays.copyOf(garbage, garbage.length + 2);
        input[garbage.length] = '\n';
        CliCapture r = CliCapture.with(input).run("validate", "-");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.stderr()).doesNotContain("\tat ", "Exception", "internal error");
        assertThat(new String(r.stdoutBytes(), StandardCharsets.UTF_8)).doesNotContain("Unexpected", "(code");
    }

    @Test
    void controlCharactersFromTheLogNeverReachTheTerminal() {
        String line = VALID.replace("\"metadata\":{}", "\"metadata\":{},\"\\u001b[2J\\u202e\":1");
        CliCapture r = CliCapture.with(line + "\n").run("validate", "-");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.stdout()).doesNotContain("\u001b", "\u202e").contains("^[[2J<U+202E>");
    }

    @Test
    void aClosedStandardOutputEndsQuietly() {
        CliCapture r = CliCapture.with(("not json\n").repeat(50_000)).writingTo(FailingOutput.brokenPipe(1000)).run("validate", "-");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void aFileThatIsNotAnExecutionLogIsSaidSoOnce() throws IOException {
        StringBuilder usage = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            usage.append("{\"id\":\"chatcmpl-").append(i).append("\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",")
                    .append("\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":20,\"total_tokens\":30}}\n");
        }
        Path log = Files.writeString(dir.resolve("usage.jsonl"), usage);
        CliCapture r = CliCapture.run("validate", log.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith(log + ": does not look like an execution log: ");
        assertThat(lines.get(6)).matches(java.util.regex.Pattern.quote(log.toString()) + ": \\d+ more problems like these in 8 lines, not shown .*");
        assertThat(r.stderr()).isEqualTo("1 file, 8 lines: 0 valid, 8 invalid\n");
        CliCapture json = CliCapture.run("validate", "--format", "json", log.toString());
        assertThat(json.stdout().lines().count()).as("machines get every problem").isGreaterThan(40);
    }

    @Test
    void anUnknownSessionNamesTheSessionsThereAndTheNearest() throws IOException {
        Files.createFile(Files.createDirectories(dir.resolve("logs/sessions/demo-1")).resolve("execution.jsonl"));
        CliCapture r = CliCapture.run("validate", "-l", dir.resolve("logs").toString(), "-s", "demo-2");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.stderr()).isEqualTo("sigil validate: no session 'demo-2' in " + dir.resolve("logs/sessions")
                + "; sessions there, newest first: demo-1; did you mean 'demo-1'?\n");
    }
}
