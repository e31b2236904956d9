package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sigil serve} and {@code sigil tail ws://} in-process: the refusals of bad options, and a server that a remote
 * tail reads byte for byte, stopped by an interrupt as Ctrl-C stops it.
 */
class ServeCommandTest {

    private static final String LINE = "{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"session_id\":\"s1\",\"event_type\":\"step_complete\","
            + "\"component\":\"reasoning\",\"message\":\"ok\",\"tokens\":5,\"metadata\":{}}\n";

    @TempDir
    Path tmp;

    private Map<String, String> env() {
        return Map.of("HOME", tmp.toString());
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliRun open = CliRun.run(env(), "serve", "--bind", "0.0.0.0", "--port", "0", "-l", tmp.toString());
        assertThat(open.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(open.err()).contains("--bind 0.0.0.0 is reachable from other machines: give --token (or SIGIL_SERVE_TOKEN), or --insecure");
        assertThat(CliRun.run(env(), "serve", "--port", "70000").err()).contains("--port must be 0 to 65535, not 70000");
        assertThat(CliRun.run(env(), "serve", "--token", "").err()).contains("--token must not be empty");
        assertThat(CliRun.run(env(), "serve", "--window", "10").err()).contains("--window must be at least 65536 bytes");
        assertThat(CliRun.run(Map.of("HOME", tmp.toString(), "SIGIL_MONITOR_PORT", "eighty"), "serve").err())
                .contains("environment variable SIGIL_MONITOR_PORT (sets logging.stream.port): invalid value \"eighty\": expected a port number from 0 to 65535");
        assertThat(CliRun.run(env(), "serve", "--bind", "no.such.host.invalid").err()).contains("not an address of this machine");
        assertThat(CliRun.run(env(), "tail", "ws://127.0.0.1:1/elsewhere").err()).contains("the path must be /sessions/ID");
        assertThat(CliRun.run(env(), "tail", "ws://127.0.0.1:1/sessions/a%20b").err()).contains("is not a session id");
        assertThat(CliRun.run(env(), "tail", "x.jsonl", "ws://127.0.0.1:1/sessions/s1").err()).contains("a remote session is followed alone");
        assertThat(CliRun.run(env(), "tail", "--format", "yaml", "x.jsonl").err()).contains("--format must be line, jsonl or raw");
        CliRun unreachable = CliRun.run(env(), "tail", "ws://127.0.0.1:1/sessions/s1");
        assertThat(unreachable.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unreachable.err()).contains("refused: cannot reach the server");
    }

    @Test
    void aServerStartedHereIsReadByARemoteTailAndStopsOnInterrupt() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("logs/sessions/s1"));
        Files.writeString(dir.resolve("execution.1.jsonl"), LINE + LINE);
        Files.writeString(dir.resolve("execution.jsonl"), LINE + "{\"partial\":");
        ServeThread serve = ServeThread.start(env(), "ws", "serve", "--port", "0", "-l", tmp.resolve("logs").toString());
        String port = Integer.toString(serve.port());

        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        StringWriter tailErr = new StringWriter();
        Environment e = new Environment(env(), new ByteArrayInputStream(new byte[0]), raw, false, false);
        int tail = SigilCommand.commandLine(e, new PrintWriter(new StringWriter()), new PrintWriter(tailErr, true))
                .execute("tail", "--format", "raw", "ws://127.0.0.1:" + port + "/sessions/s1");
        assertThat(tail).as(tailErr.toString()).isZero();
        assertThat(raw.toString(StandardCharsets.UTF_8)).isEqualTo(LINE + LINE + LINE);

        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        e = new Environment(env(), new ByteArrayInputStream(new byte[0]), lines, false, false);
        assertThat(SigilCommand.commandLine(e, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .execute("tail", "ws://127.0.0.1:" + port + "/sessions/s1")).isZero();
        assertThat(lines.toString(StandardCharsets.UTF_8)).isEqualTo("10:15:32 [INFO] reasoning/step_complete: ok\n".repeat(3));

        StringWriter refusedErr = new StringWriter();
        e = new Environment(env(), new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), false, false);
        assertThat(SigilCommand.commandLine(e, new PrintWriter(new StringWriter()), new PrintWriter(refusedErr, true))
                .execute("tail", "ws://127.0.0.1:" + port + "/sessions/nope")).isEqualTo(ExitCode.USAGE);
        assertThat(refusedErr.toString()).contains("refused: no session nope under the log root");

        assertThat(serve.stop()).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(serve.err()).contains("sigil serve: served 2 streams, 0 HTTP requests, ").contains("1 refused {NOT_FOUND=1}");
    }

    @Test
    void aLocalRawTailWritesTheLinesAsTheyAre() throws Exception {
        String text = LINE + "\n" + "not json\n" + "{\"k\":1.0}\n";
        Path log = Files.writeString(tmp.resolve("x.jsonl"), text + "{\"unfinished\"");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        Environment e = new Environment(env(), new ByteArrayInputStream(new byte[0]), raw, false, false);
        int code = SigilCommand.commandLine(e, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .execute("tail", "--format", "raw", log.toString());
        assertThat(code).isZero();
        assertThat(raw.toString(StandardCharsets.UTF_8)).isEqualTo(text + "{\"unfinished\"\n");
    }
}
