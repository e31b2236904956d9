package dev.sigil.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.testing.ClassLoading;

/**
 * Jetty, sigil's server and the JDK's HTTP client are loaded only by the commands that serve or follow remotely (ADR
 * 0140): the packaged launcher runs each command with the JVM's class-loading log and the classes it loaded are
 * checked. {@code serve} and {@code tail ws://} are the controls: there they are loaded, so the check can fail.
 */
class RemoteLoadingIT {

    private static final List<String> SERVER = List.of("org.eclipse.jetty.", "dev.sigil.remote.serve.");
    private static final List<String> CLIENT = List.of("java.net.http.", "jdk.internal.net.http.", "dev.sigil.remote.follow.");
    private static final String LINE = "{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"session_id\":\"s1\",\"event_type\":\"step_complete\","
            + "\"component\":\"reasoning\",\"message\":\"ok\",\"tokens\":5,\"metadata\":{}}\n";

    @TempDir
    Path dir;

    private List<String> loaded(String... args) throws Exception {
        return new ClassLoading(dir).loaded(args);
    }

    private static List<String> of(List<String> classes, List<String> prefixes) {
        return ClassLoading.of(classes, prefixes);
    }

    @Test
    void commandsThatDoNotServeOrFollowRemotelyLoadNoneOfIt() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        Path log = Files.writeString(dir.resolve("one.jsonl"), LINE.repeat(30));
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"tail", empty.toString()}, new String[] {"tail", log.toString()},
                new String[] {"tail", "--format", "raw", log.toString()}, new String[] {"validate", log.toString()},
                new String[] {"monitor", "--no-follow", "--mode", "stream", log.toString()})) {
            List<String> classes = loaded(args);
            assertThat(classes).as(String.join(" ", args)).isNotEmpty();
            assertThat(of(classes, SERVER)).as(String.join(" ", args)).isEmpty();
            assertThat(of(classes, CLIENT)).as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void serveLoadsJettyAndARemoteTailOnlyTheClient() throws Exception {
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs.resolve("sessions/s1"));
        Files.writeString(logs.resolve("sessions/s1/execution.jsonl"), LINE.repeat(3));
        Path serveClasses = dir.resolve("serve-classes.txt");
        Process serve = new ClassLoading(dir).launcher(serveClasses, "serve", "--port", "0", "-l", logs.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String first = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(first).contains("ws://127.0.0.1:");
            String port = first.replaceAll(".*ws://127\\.0\\.0\\.1:(\\d+).*", "$1");
            List<String> tail = loaded("tail", "--format", "raw", "ws://127.0.0.1:" + port + "/sessions/s1");
            assertThat(of(tail, CLIENT)).anyMatch(c -> c.startsWith("java.net.http.")).anyMatch(c -> c.startsWith("dev.sigil.remote.follow."));
            assertThat(of(tail, SERVER)).isEmpty();
            List<String> monitor = loaded("monitor", "--no-follow", "--mode", "stream", "ws://127.0.0.1:" + port + "/sessions/s1");
            assertThat(of(monitor, CLIENT)).anyMatch(c -> c.startsWith("dev.sigil.remote.follow.RemoteSessions"));
            assertThat(of(monitor, SERVER)).isEmpty();
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(of(ClassLoading.names(serveClasses), SERVER)).anyMatch(c -> c.startsWith("org.eclipse.jetty.server."));
    }
}
