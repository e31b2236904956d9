package dev.sigil.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.codec.PythonTimestamp;
import dev.sigil.layout.LogLayout;
import dev.sigil.monitor.Lines;
import dev.sigil.remote.serve.StreamServer;
import dev.sigil.remote.serve.StreamSettings;
import dev.sigil.testing.DocCaptures;
import dev.sigil.testing.Tmux;

/**
 * {@code scripts/sigil monitor ws://127.0.0.1:PORT/sessions/ID} in a real terminal (tmux, its own socket), against a
 * server on 127.0.0.1 port 0: the dashboard follows the remote session, says "reconnecting (N)" in its status bar
 * while the server is down and shows every line written meanwhile once it is back; the picker ({@code s}) lists the
 * server's sessions, live; {@code ws://HOST:PORT} alone opens the picker first. At 80x24 and 200x50. The screen in
 * docs/remote.md is captured here.
 */
class RemoteMonitorIT {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final Path ROOT = Path.of(System.getProperty("sigil.home", "."));
    private static final DocCaptures DOC = new DocCaptures(ROOT.resolve("docs/remote.md"));

    @TempDir
    Path home;

    private String monitor(String args) {
        String sigil = ROOT.resolve("scripts/sigil").toString();
        return "HOME=" + Tmux.quote(home.toString()) + " SIGIL_NO_BUILD=1 " + Tmux.quote(sigil) + " monitor " + args
                + "; echo \"SIGIL-EXITED rc=$?\"; sleep 120";
    }

    @Test
    void theDashboardFollowsARemoteSessionThroughAServerRestart() throws Exception {
        Path root = home.resolve("served");
        Path log = session(root, "build-42");
        append(log, Lines.start(now(), "build-42", 20_000), step("build-42", "routing", "Intent classified", 450));
        StreamSettings settings = StreamSettings.of(new InetSocketAddress("127.0.0.1", 0), new LogLayout(root), null)
                .withPoll(Duration.ofMillis(50));
        StreamServer server = StreamServer.start(settings);
        int port = server.port();
        String url = "ws://127.0.0.1:" + port + "/sessions/build-42";
        try (Tmux t = Tmux.start(80, 24, monitor(url))) {
            String screen = t.waitFor(s -> s.contains("SIGIL MONITOR") && s.contains("Intent classified"), WAIT);
            assertThat(screen).contains("session build-42", "RUNNING", "routing");

            append(log, step("build-42", "memory", "Retrieved 5 memories", 1500));
            t.waitFor(s -> s.contains("Retrieved 5 memories"), WAIT);

            server.close();
            t.waitFor(s -> s.contains("reconnecting ("), WAIT);
            append(log, step("build-42", "reasoning", "Written while down", 8000));
            server = StreamServer.start(settings.withAddress(new InetSocketAddress("127.0.0.1", port)));
            screen = t.waitFor(s -> s.contains("Written while down") && s.contains("reconnected"), WAIT);
            assertThat(screen).contains("9,950 of 20,000");
            assertThat(screen.split("Intent classified", -1)).as("each line once").hasSize(2);
            String capture = whole(t).replace(Integer.toString(port), "8000");
            DOC.assertShape("remote-80x24", capture, List.of("SIGIL MONITOR", "session build-42", "Written while down",
                    "reconnected at offset", "sessions/build-42"));

            Path other = session(root, "build-43");
            append(other, Lines.start(now(), "build-43", 5_000));
            t.keys("s");
            screen = t.waitFor(s -> s.contains("build-43") && s.contains("build-42"), WAIT);
            assertThat(screen).contains("running");

            t.resize(200, 50);
            t.keys("Escape");
            t.waitFor(s -> s.lines().count() > 24 && s.contains("Written while down") && s.contains("SIGIL MONITOR"), WAIT);
            t.keys("q");
            t.waitFor(s -> s.contains("SIGIL-EXITED rc=0"), WAIT);
        } finally {
            server.close();
        }
    }

    @Test
    void aServerNotReachableAtStartOpensTheDashboardAtOnceSayingItReconnects() throws Exception {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort(); // a real port on 127.0.0.1, closed again: every connection is refused
        }
        Path root = home.resolve("served");
        Path log = session(root, "late-1");
        append(log, Lines.start(now(), "late-1", 20_000), step("late-1", "routing", "Served once the server is up", 450));
        try (Tmux t = Tmux.start(80, 24, monitor("ws://127.0.0.1:" + port + "/sessions/late-1"))) {
            // the first attempt's failure is the first thing said: the dashboard did not wait for a later one
            String screen = t.waitFor(s -> s.contains("SIGIL MONITOR") && s.contains("reconnecting ("), WAIT);
            assertThat(screen).doesNotContain("SIGIL-EXITED");
            try (StreamServer server = StreamServer.start(StreamSettings.of(new InetSocketAddress("127.0.0.1", port), new LogLayout(root), null))) {
                t.waitFor(s -> s.contains("Served once the server is up") && s.contains("reconnected"), WAIT);
                t.keys("q");
                t.waitFor(s -> s.contains("SIGIL-EXITED rc=0"), WAIT);
            }
        }
    }

    @Test
    void aServerWithoutASessionOpensThePickerOverItsSessions() throws Exception {
        Path root = home.resolve("served");
        append(session(root, "alpha"), Lines.start(now(), "alpha", 1_000), step("alpha", "routing", "alpha's first step", 10));
        try (StreamServer server = StreamServer.start(StreamSettings.of(new InetSocketAddress("127.0.0.1", 0), new LogLayout(root), null));
             Tmux t = Tmux.start(80, 24, monitor("ws://127.0.0.1:" + server.port()))) {
            t.waitFor(s -> s.contains("alpha") && s.contains("running"), WAIT);
            t.keys("Enter");
            String screen = t.waitFor(s -> s.contains("alpha's first step") && s.contains("session alpha"), WAIT);
            assertThat(screen).contains("ws://127.0.0.1:" + server.port() + "/sessions/alpha");
            t.keys("q");
            t.waitFor(s -> s.contains("SIGIL-EXITED rc=0"), WAIT);
        }
    }

    /**
     * A whole frame of a live screen, whose clock moves every tenth of a second: two captures in a row that differ in
     * their figures only (never half a frame drawn).
     */
    private static String whole(Tmux t) throws Exception {
        String last = t.screen();
        for (int i = 0; i < 100; i++) {
            Thread.sleep(100);
            String now = t.screen();
            if (now.replaceAll("[0-9]", "#").equals(last.replaceAll("[0-9]", "#"))) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the screen never held still:\n" + last);
    }

    private static Path session(Path root, String id) throws IOException {
        return Files.createDirectories(root.resolve("sessions").resolve(id)).resolve("execution.jsonl");
    }

    private static String now() {
        return PythonTimestamp.isoformat(LocalDateTime.now());
    }

    private static String step(String session, String component, String message, long tokens) {
        return Lines.entry(now(), session, "step_complete", component, message, tokens, 120.5);
    }

    private static void append(Path log, String... lines) throws IOException {
        Files.writeString(log, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
