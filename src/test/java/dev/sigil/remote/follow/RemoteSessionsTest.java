package dev.sigil.remote.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.layout.LogLayout;
import dev.sigil.monitor.LogTarget;
import dev.sigil.monitor.state.SessionChoice;
import dev.sigil.remote.RemoteUrl;
import dev.sigil.remote.serve.StreamServer;
import dev.sigil.remote.serve.StreamSettings;

/**
 * The server's live sessions list as the monitor's picker gets it ({@code ws://HOST:PORT/sessions}): the sessions
 * with their status and task when it connects, again when a session starts and when it ends; {@code GET /sessions}
 * says the same. A session opened is copied byte for byte, and the copies are gone after close.
 */
class RemoteSessionsTest {

    @TempDir
    Path tmp;

    private static final Path COMPLETE = Path.of("src/test/resources/monitor/complete-session.jsonl");

    @Test
    void theListIsLiveAndASessionOpenedIsCopied() throws Exception {
        Files.createDirectories(tmp.resolve("sessions/done"));
        Files.copy(COMPLETE, tmp.resolve("sessions/done/execution.jsonl"));
        List<String> lines = Files.readAllLines(COMPLETE);
        try (StreamServer server = StreamServer.start(StreamSettings.of(new InetSocketAddress("127.0.0.1", 0), new LogLayout(tmp), null));
             RemoteSessions sessions = new RemoteSessions(RemoteUrl.parseAny("ws://127.0.0.1:" + server.port()), ClientTls.NONE, null, true)) {
            LinkedBlockingQueue<List<SessionChoice>> lists = new LinkedBlockingQueue<>();
            sessions.list(System.currentTimeMillis(), lists::add);
            List<SessionChoice> first = lists.poll(10, TimeUnit.SECONDS);
            assertThat(first).extracting(SessionChoice::id, SessionChoice::status, SessionChoice::task)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("done", "complete", "Analyze Acme Corp"));

            Path live = Files.createDirectories(tmp.resolve("sessions/live")).resolve("execution.jsonl");
            Files.writeString(live, String.join("\n", lines.subList(0, 3)) + "\n");
            assertThat(until(lists, l -> l.stream().anyMatch(c -> c.id().equals("live") && c.status().equals("running"))))
                    .extracting(SessionChoice::id).containsExactlyInAnyOrder("live", "done");
            String http = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/sessions")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(http).contains("{\"id\":\"live\",").contains("\"status\":\"running\",\"task\":\"Analyze Acme Corp\"");

            LogTarget target = sessions.open("live");
            assertThat(sessions.awaitFirst(10_000)).isNull();
            Files.writeString(live, String.join("\n", lines.subList(3, lines.size())) + "\n", StandardOpenOption.APPEND);
            assertThat(until(lists, l -> l.stream().anyMatch(c -> c.id().equals("live") && c.status().equals("complete")))).hasSize(2);
            for (int i = 0; i < 200 && Files.size(target.file()) < Files.size(live); i++) {
                Thread.sleep(25);
            }
            assertThat(Files.readAllBytes(target.file())).isEqualTo(Files.readAllBytes(live));
            assertThat(target.shown()).isEqualTo("ws://127.0.0.1:" + server.port() + "/sessions/live");
            sessions.close();
            assertThat(target.file()).doesNotExist();
            assertThat(target.logPath()).doesNotExist();
        }
    }

    @Test
    void aServerNotThereAtStartIsAnsweredAtOnceAndTheFirstReconnectIsSaid() throws Exception {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort(); // a real port on 127.0.0.1, closed again: connecting to it is refused
        }
        Path live = Files.createDirectories(tmp.resolve("sessions/late")).resolve("execution.jsonl");
        Files.copy(COMPLETE, live);
        try (RemoteSessions sessions = new RemoteSessions(RemoteUrl.parseAny("ws://127.0.0.1:" + port), ClientTls.NONE, null, true)) {
            LogTarget target = sessions.open("late");
            // The bound is the command's own; a refused connection answers the first attempt long before it.
            assertThat(sessions.awaitFirst(10_000)).isNull();
            LinkedBlockingQueue<String> notices = new LinkedBlockingQueue<>();
            sessions.notices(notices::add);
            // What the status bar shows first is the first attempt's failure, said before the monitor was there.
            assertThat(notices.poll(30, TimeUnit.SECONDS)).startsWith("reconnecting (1) from offset 0: ");

            try (StreamServer server = StreamServer.start(StreamSettings.of(new InetSocketAddress("127.0.0.1", port), new LogLayout(tmp), null))) {
                String note;
                do {
                    note = notices.poll(30, TimeUnit.SECONDS);
                } while (note != null && note.startsWith("reconnecting"));
                assertThat(note).isEqualTo("reconnected at offset 0");
                for (int i = 0; i < 400 && Files.size(target.file()) < Files.size(live); i++) {
                    Thread.sleep(25);
                }
                assertThat(Files.readAllBytes(target.file())).isEqualTo(Files.readAllBytes(live));
            }
        }
    }

    private static List<SessionChoice> until(LinkedBlockingQueue<List<SessionChoice>> lists,
                                             java.util.function.Predicate<List<SessionChoice>> wanted) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < end) {
            List<SessionChoice> l = lists.poll(500, TimeUnit.MILLISECONDS);
            if (l != null && wanted.test(l)) {
                return l;
            }
        }
        throw new AssertionError("no such list in 15 s");
    }
}
