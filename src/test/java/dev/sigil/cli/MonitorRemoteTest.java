package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.layout.LogLayout;
import dev.sigil.remote.serve.StreamServer;
import dev.sigil.remote.serve.StreamSettings;

/**
 * {@code sigil monitor ws://HOST:PORT/sessions/ID} in-process against a real server on 127.0.0.1: the stream and
 * minimal modes print what they print for the local file, also when the server goes away and comes back while the
 * session runs (the reconnections said on stderr, no line lost or twice); refusals and a server named without a
 * session are usage errors.
 */
class MonitorRemoteTest {

    @TempDir
    Path home;

    private Path logs;
    private StreamServer server;
    private StreamSettings settings;

    @BeforeEach
    void setUp() throws IOException {
        logs = home.resolve(".sigil/logs");
        Files.createDirectories(logs.resolve("sessions/s1"));
        Files.copy(Path.of("src/test/resources/monitor/complete-session.jsonl"), logs.resolve("sessions/s1/execution.jsonl"));
        settings = StreamSettings.of(new InetSocketAddress("127.0.0.1", 0), new LogLayout(logs), null).withPoll(java.time.Duration.ofMillis(20));
        server = StreamServer.start(settings);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        Environment env = new Environment(Map.of("HOME", home.toString()), new ByteArrayInputStream(new byte[0]), out, false, false);
        String[] all = new String[args.length + 1];
        all[0] = "monitor";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = SigilCommand.commandLine(env, new PrintWriter(new StringWriter()), new PrintWriter(err, true)).execute(all);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    private String url(String id) {
        return "ws://127.0.0.1:" + server.port() + "/sessions/" + id;
    }

    /** The output with the line naming where the log was found written as the local one writes it. */
    private static String asLocal(String out, String url, Path file) {
        return out.replace("Found log file: " + url, "Found log file: " + file);
    }

    @Test
    void theTextModesOfARemoteSessionAreThoseOfTheFile() {
        Path file = logs.resolve("sessions/s1/execution.jsonl");
        for (String mode : List.of("stream", "minimal")) {
            Run local = run("--no-follow", "-m", mode, file.toString());
            Run remote = run("--no-follow", "-m", mode, url("s1"));
            assertThat(remote.code()).as(remote.err()).isEqualTo(local.code()).isZero();
            assertThat(local.out()).contains("EXECUTION COMPLETE");
            assertThat(asLocal(remote.out(), url("s1"), file)).as(mode).isEqualTo(local.out());
        }
    }

    @Test
    void aLiveSessionIsFollowedThroughServerRestartsWithEveryLineOnce() throws Exception {
        Path dir = Files.createDirectories(logs.resolve("sessions/live"));
        Path file = dir.resolve("execution.jsonl");
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/monitor/complete-session.jsonl"));
        List<String> body = new java.util.ArrayList<>(lines.subList(0, lines.size() - 1));
        for (int i = 0; i < 20; i++) {
            // outputs of 4 to 64 KiB, as an LLM's are
            String output = "x".repeat(4096 << (i % 5));
            body.add(1, "{\"timestamp\":\"2026-01-11T10:15:33.0000" + (10 + i) + "\",\"session_id\":\"demo-7\",\"event_type\":\"step_complete\","
                    + "\"component\":\"reasoning\",\"message\":\"step " + i + "\",\"tokens\":" + (100 + i) + ",\"metadata\":{\"output\":\"" + output + "\"}}");
        }
        Files.writeString(file, String.join("\n", body.subList(0, 10)) + "\n");
        Run[] result = new Run[1];
        Thread monitor = new Thread(() -> result[0] = run("-m", "stream", "--refresh-rate", "0.05", url("live")), "remote-monitor");
        monitor.start();
        int port = server.port();
        StreamSettings samePort = StreamSettings.of(new InetSocketAddress("127.0.0.1", port), new LogLayout(logs), null)
                .withPoll(java.time.Duration.ofMillis(20));
        for (int part = 10; part < body.size(); part += 7) {
            Thread.sleep(300);
            server.close(); // the server goes away and comes back: the monitor reconnects from its offset
            Files.writeString(file, String.join("\n", body.subList(part, Math.min(body.size(), part + 7))) + "\n", StandardOpenOption.APPEND);
            server = StreamServer.start(samePort);
        }
        Thread.sleep(300);
        Files.writeString(file, lines.get(lines.size() - 1) + "\n", StandardOpenOption.APPEND);
        monitor.join(30_000);
        assertThat(monitor.isAlive()).isFalse();
        assertThat(result[0].code()).as(result[0].err()).isZero();
        assertThat(result[0].err()).contains(url("live") + ": reconnecting (1) from offset ").contains("reconnected at offset ");
        Run local = run("--no-follow", "-m", "stream", file.toString());
        assertThat(asLocal(result[0].out(), url("live"), file)).isEqualTo(local.out());
    }

    @Test
    void refusalsAndAServerWithoutASessionAreUsageErrors() {
        Run unknown = run("--no-follow", "-m", "stream", url("nope"));
        assertThat(unknown.code()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains(url("nope") + ": refused: no session nope under the log root");
        Run noSession = run("-m", "stream", "ws://127.0.0.1:" + server.port());
        assertThat(noSession.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noSession.err()).contains("name a session, ws://HOST:PORT/sessions/ID (the dashboard's picker lists them)");
        Run token = run("--no-follow", "-m", "stream", "--token", "t", "wss://127.0.0.1:" + server.port() + "/sessions/s1");
        assertThat(token.code()).isEqualTo(ExitCode.USAGE);
        assertThat(token.err()).contains("refused: ");
        Run bad = run("-m", "stream", "ws://127.0.0.1:1/sessions/a%20b");
        assertThat(bad.err()).contains("is not a session id");
    }
}
