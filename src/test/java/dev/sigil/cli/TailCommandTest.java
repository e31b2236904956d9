package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;

/** {@code sigil tail} in process: options, both formats, stderr reports, exit codes, and following. */
class TailCommandTest {

    @TempDir
    Path dir;

    static final String ENTRY = "{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"session_id\":\"test-1\",\"event_type\":\"step_complete\","
            + "\"component\":\"routing\",\"message\":\"Intent \\\"lead\\\" \\\\ é\",\"tokens\":50,\"metadata\":{\"latency_ms\":1100.0}}";
    static final String OPERATION = "{\"id\":\"log_route_002\",\"timestamp\":\"2026-01-11T14:30:00.275Z\",\"level\":\"warning\","
            + "\"component\":\"router\",\"operation\":\"route_request\",\"message\":\"Completed route_request\"}";

    record Run(int code, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private Run run(boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        Environment env = new Environment(Map.of("HOME", dir.toString()), new ByteArrayInputStream(new byte[0]), out, terminal, false);
        int code = SigilCommand.commandLine(env, new PrintWriter(new StringWriter()), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toByteArray(), err.toString());
    }

    private Run run(String... args) {
        return run(false, args);
    }

    private Path log(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void linesOfBothDialects() throws IOException {
        Path p = log("a.jsonl", ENTRY + "\n\n" + OPERATION + "\n");
        Run r = run("tail", p.toString());
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.text()).isEqualTo("10:15:32 [INFO] routing/step_complete: Intent \"lead\" \\ é\n"
                + "14:30:00 [WARNING] router/route_request: Completed route_request\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonlIsTheCanonicalByteForm() throws IOException {
        Path p = log("a.jsonl", "  {\"message\" : \"é\", \"n\": 1.0}\r\n" + OPERATION + "\n");
        Run r = run("tail", "--format", "jsonl", p.toString());
        PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);
        PythonJsonReader reader = new PythonJsonReader();
        String expected = writer.encodeToString(reader.read("{\"message\":\"é\",\"n\":1.0}")) + "\n" + writer.encodeToString(reader.read(OPERATION)) + "\n";
        assertThat(r.text()).isEqualTo(expected).contains("\\u00e9").contains("1.0");
    }

    @Test
    void skippedLinesAreReportedWithTheirLineAndTheExitCodeSaysSo() throws IOException {
        Path p = log("a.jsonl", ENTRY + "\nnot json\n[1]\n" + "{\"message\":\"" + "x".repeat(300) + "\"}\n" + ENTRY + "\n");
        Run r = run("tail", "--max-line-bytes", "250", p.toString());
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.text().lines()).hasSize(2);
        assertThat(r.err()).contains(p + ":2: not JSON: ").contains(p + ":3: not a JSON object: an array; skipped")
                .contains(p + ":4: longer than the line bound: 314 bytes; skipped");
    }

    @Test
    void invalidUtf8IsShownReplacedAndReported() throws IOException {
        Path p = dir.resolve("a.jsonl");
        Files.write(p, new byte[] {'{', '"', 'm', 'e', 's', 's', 'a', 'g', 'e', '"', ':', '"', 'a', (byte) 0xFF, 'b', '"', '}', '\n'});
        Run r = run("tail", p.toString());
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.text()).isEqualTo("null [INFO] null/null: a\uFFFDb\n");
        assertThat(r.err()).contains(p + ":1: invalid UTF-8 replaced by U+FFFD");
    }

    @Test
    void onATerminalControlCharactersAreMadeVisible() throws IOException {
        Path p = log("a.jsonl", "{\"message\":\"\\u001b[2J\\u001b]0;title\\u0007 cr\\r\\nnext\"}\n");
        assertThat(run(true, "tail", p.toString()).text()).isEqualTo("null [INFO] null/null: ^[[2J^[]0;title^G cr\\r\\nnext\n");
        assertThat(run(false, "tail", p.toString()).text()).isEqualTo("null [INFO] null/null: \u001b[2J\u001b]0;title\u0007 cr\r\nnext\n");
    }

    @Test
    void onATerminalAFileNameHoldingEscapesIsShownInItsHeaderNotSent() throws IOException {
        Path evil = log("evil\u001b]0;PWNED\u0007.jsonl", "{\"message\":\"m\"}\n");
        Path plain = log("plain.jsonl", "{\"message\":\"p\"}\n");
        String shown = run(true, "tail", evil.toString(), plain.toString()).text();
        assertThat(shown).doesNotContain("\u001b", "\u0007").contains("evil^[]0;PWNED^G.jsonl <== ---");
    }

    @Test
    void severalFilesGetAHeaderEachAsTheJqTailPrintsThem() throws IOException {
        Path a = log("a.jsonl", ENTRY + "\n");
        Path b = log("b.jsonl", "");
        Run r = run("tail", a.toString(), b.toString());
        assertThat(r.text()).isEqualTo("--- ==> " + a + " <== ---\n10:15:32 [INFO] routing/step_complete: Intent \"lead\" \\ é\n--- ==> " + b + " <== ---\n");
        assertThat(run("tail", "--format", "jsonl", a.toString(), b.toString()).text()).doesNotContain("==>");
    }

    @Test
    void aSessionIsFoundUnderTheLogPath() throws IOException {
        log("logs/sessions/test-1/execution.jsonl", ENTRY + "\n");
        assertThat(run("tail", "--session", "test-1", "--log-path", dir.resolve("logs").toString()).text()).contains("routing/step_complete");
        log(".sigil/logs/sessions/test-2/execution.jsonl", OPERATION + "\n");
        assertThat(run("tail", "--session", "test-2").text()).contains("router/route_request");
    }

    @Test
    void verboseAddsCounts() throws IOException {
        Path p = log("a.jsonl", ENTRY + "\n\nbad\n");
        Run r = run("tail", "--verbose", p.toString());
        assertThat(r.err()).contains("[so far: 1 not JSON, 0 with invalid UTF-8]")
                .contains("total: 3 lines: 1 shown, 1 blank, 1 skipped (1 not JSON), 0 with invalid UTF-8 replaced");
    }

    @Test
    void usageErrors() throws IOException {
        Path p = log("a.jsonl", ENTRY + "\n");
        assertThat(run("tail").err()).contains("give the PATH of a log, or --session ID");
        assertThat(run("tail").code()).isEqualTo(ExitCode.USAGE);
        assertThat(run("tail", "--session", "x", p.toString()).err()).contains("not both");
        assertThat(run("tail", "--session", "../etc").err()).contains("--session: session id '../etc' contains '.' at position 1");
        assertThat(run("tail", "--format", "xml", p.toString()).err()).contains("--format must be line, jsonl or raw");
        assertThat(run("tail", "--max-line-bytes", "0", p.toString()).code()).isEqualTo(ExitCode.USAGE);
        Run missing = run("tail", dir.resolve("nope.jsonl").toString(), p.toString());
        assertThat(missing.code()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("nope.jsonl: missing: no such file");
        assertThat(missing.text()).contains("routing/step_complete");
    }

    @Test
    void helpDescribesEveryOption() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter help = new StringWriter();
        Environment env = new Environment(Map.of(), new ByteArrayInputStream(new byte[0]), out, false, false);
        SigilCommand.commandLine(env, new PrintWriter(help), new PrintWriter(new StringWriter())).execute("tail", "--help");
        assertThat(help.toString()).contains("--follow", "--format", "--verbose", "--max-line-bytes", "--session", "--log-path",
                "--poll-interval", "Exit codes:");
    }

    @Test
    void followKeepsPrintingUntilInterrupted() throws Exception {
        Path p = log("live/execution.jsonl", ENTRY + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        Environment env = new Environment(Map.of(), new ByteArrayInputStream(new byte[0]), out, false, false);
        AtomicInteger code = new AtomicInteger(-1);
        Thread thread = new Thread(() -> code.set(SigilCommand.commandLine(env, new PrintWriter(new StringWriter()), new PrintWriter(err, true))
                .execute("tail", "--follow", "--poll-interval", "5", p.toString())));
        thread.start();
        awaitOutput(out, 1);
        Files.writeString(p, OPERATION.substring(0, 40), StandardOpenOption.APPEND);
        Files.writeString(p, OPERATION.substring(40) + "\n", StandardOpenOption.APPEND);
        awaitOutput(out, 2);
        Files.move(p, p.resolveSibling("execution.1.jsonl"));
        Files.writeString(p, ENTRY.replace("Intent", "Rotated") + "\n");
        awaitOutput(out, 3);
        thread.interrupt();
        thread.join(10_000);
        assertThat(code.get()).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "10:15:32 [INFO] routing/step_complete: Intent \"lead\" \\ é",
                "14:30:00 [WARNING] router/route_request: Completed route_request",
                "10:15:32 [INFO] routing/step_complete: Rotated \"lead\" \\ é");
        // Woken by the rename's own event, the tailer may look before the new file exists: then the name is missing
        // for a moment, and the new file appears.
        assertThat(err.toString()).containsAnyOf("rotated: the name refers to another file now", "appeared: reading it from the start");
    }

    /** Waits (up to 30 s, a failure guard, not a timing assertion) until stdout has {@code lines} lines. */
    private static void awaitOutput(ByteArrayOutputStream out, int lines) throws InterruptedException {
        for (int i = 0; i < 30_000 && out.toString(StandardCharsets.UTF_8).lines().count() < lines; i++) {
            Thread.sleep(1);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).lines().count()).isGreaterThanOrEqualTo(lines);
    }

    @Test
    void aDirectoryIsOneHonestMessageBeforeAnythingIsRead() throws IOException {
        Path log = log("a.jsonl", ENTRY + "\n");
        for (String[] args : new String[][] {{"tail", dir.toString()}, {"tail", "--follow", dir.toString()}, {"tail", log.toString(), dir.toString()}}) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).isEqualTo("sigil tail: " + dir + ": is a directory, not a log file (a session's log is "
                    + dir.resolve("execution.jsonl") + ", or use --session ID)\n");
            assertThat(r.text()).isEmpty();
        }
    }

    @Test
    void anUnknownSessionNamesTheSessionsThereAndTheNearest() throws IOException {
        log(".sigil/logs/sessions/demo-1/execution.jsonl", ENTRY + "\n");
        Run r = run("tail", "--session", "demo-2");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("sigil tail: no session 'demo-2' in " + dir.resolve(".sigil/logs/sessions")
                + " (--follow waits for it); sessions there, newest first: demo-1; did you mean 'demo-1'?\n");
    }
}
