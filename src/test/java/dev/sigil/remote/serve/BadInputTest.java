package dev.sigil.remote.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.layout.LogLayout;
import dev.sigil.layout.SessionId;

/**
 * Every kind of bad input a client can send, against a real server on 127.0.0.1: each refused with its close code
 * (or HTTP status) and a reason a person can act on, counted, and the server still serving afterwards.
 */
class BadInputTest {

    @TempDir
    Path tmp;

    private StreamServer server;
    private String base;
    private LogLayout layout;
    private static final String LINE = "{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"session_id\":\"s1\",\"event_type\":\"step_complete\","
            + "\"component\":\"reasoning\",\"message\":\"ok\",\"tokens\":5,\"metadata\":{}}\n";

    @BeforeEach
    void start() throws Exception {
        layout = new LogLayout(tmp);
        Files.createDirectories(layout.sessionDirectory(SessionId.of("s1")));
        Files.writeString(layout.executionLog(SessionId.of("s1")), LINE + LINE, StandardCharsets.UTF_8);
        Files.createDirectories(tmp.resolve("secret"));
        Files.writeString(tmp.resolve("secret/execution.jsonl"), LINE);
        server = StreamServer.start(StreamSettings.of(new InetSocketAddress("127.0.0.1", 0), layout, "s3cret"));
        base = "127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * Upgrades a raw socket and sends a frame no WebSocket may send (opcode 3, reserved); the close code the server
     * answers with.
     */
    private int malformedFrame() throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            java.io.OutputStream out = s.getOutputStream();
            out.write(("GET /sessions/s1 HTTP/1.1\r\nHost: " + base + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Authorization: Bearer s3cret\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {(byte) 0x83, (byte) 0x80, 1, 2, 3, 4}); // FIN, opcode 3, masked, empty
            out.flush();
            java.io.InputStream in = s.getInputStream();
            String head = "";
            while (!head.endsWith("\r\n\r\n")) {
                head += (char) in.read();
            }
            assertThat(head).startsWith("HTTP/1.1 101");
            while (true) {
                int b0 = in.read();
                int len = in.read() & 0x7f;
                if (len == 126) {
                    len = (in.read() << 8) | in.read();
                }
                byte[] payload = in.readNBytes(len);
                if ((b0 & 0x0f) == 8) {
                    return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
                }
            }
        }
    }

    private Probe.Closed refusal(String path, String token) throws Exception {
        return Probe.open("ws://" + base + path, token).close();
    }

    @Test
    void streamsRefuseWhatTheyCannotServeWithAReason() throws Exception {
        assertThat(refusal("/sessions/s1", null)).isEqualTo(new Probe.Closed(4401, "unauthorized: give the server's token"));
        assertThat(refusal("/sessions/s1", "wrong")).isEqualTo(new Probe.Closed(4401, "unauthorized: give the server's token"));
        assertThat(refusal("/sessions/s1?token=wrong", null).code()).isEqualTo(4401);
        assertThat(refusal("/sessions/nope", "s3cret")).isEqualTo(new Probe.Closed(4404, "no session nope under the log root"));
        assertThat(refusal("/sessions/s%20x", "s3cret")).isEqualTo(new Probe.Closed(4400, "not a session id (" + SessionId.RULE + ")"));
        assertThat(refusal("/sessions/s1?from=-1", "s3cret")).isEqualTo(new Probe.Closed(4400, "the offset must be a number of bytes, 0 or more, not '-1'"));
        assertThat(refusal("/sessions/s1?from=12x", "s3cret").code()).isEqualTo(4400);
        long size = 2L * LINE.length();
        assertThat(refusal("/sessions/s1?from=" + (size + 1), "s3cret"))
                .isEqualTo(new Probe.Closed(4416, "offset " + (size + 1) + " is past the end of the log (" + size + " bytes)"));
        assertThat(refusal("/sessions/s1?from=3", "s3cret")).isEqualTo(new Probe.Closed(4400, "offset 3 is inside a line (it starts at 0)"));
        assertThat(refusal("/monitoring/v1/logs/stream?session_id=../secret", "s3cret").code()).isEqualTo(4400);
        assertThat(refusal("/monitoring/v1/logs/stream?session_id=nope", "s3cret").code()).isEqualTo(4404);
        assertThat(refusal("/monitoring/v1/logs/stream", "s3cret"))
                .isEqualTo(new Probe.Closed(4404, "no session_id given and no active session (current.jsonl)"));
        assertThat(server.counts().refusals()).containsEntry("UNAUTHORIZED", 3L).containsEntry("NOT_FOUND", 3L).containsEntry("PAST_END", 1L);
        assertThat(Probe.get("http://" + base + "/health", "s3cret").statusCode()).isEqualTo(200);
    }

    @Test
    void malformedAndHugeMessagesCloseTheStream() throws Exception {
        Probe seed = Probe.open("ws://" + base + "/monitoring/v1/logs/stream?session_id=s1", "s3cret");
        seed.socket.sendText("{not json", true);
        assertThat(seed.close()).isEqualTo(new Probe.Closed(4400, "malformed message: not a JSON object"));
        Probe other = Probe.open("ws://" + base + "/monitoring/v1/logs/stream?session_id=s1", "s3cret");
        other.socket.sendText("{\"type\":\"subscribe\"}", true);
        assertThat(other.close().code()).isEqualTo(4400);
        Probe huge = Probe.open("ws://" + base + "/monitoring/v1/logs/stream?session_id=s1", "s3cret");
        // just past the bound: a client still writing when the server closes may see the connection reset instead of
        // the close frame (the stream is closed either way), and a message barely too large is written whole first
        huge.socket.sendText("{\"type\":\"config\",\"pad\":\"" + "x".repeat((64 << 10) + 512) + "\"}", true);
        Probe.Closed tooLarge = huge.close();
        assertThat(tooLarge.code()).isEqualTo(1009);
        assertThat(tooLarge.reason()).contains("too large").contains("65,536");
        Probe log = Probe.open("ws://" + base + "/sessions/s1", "s3cret");
        log.socket.sendText("hello", true);
        assertThat(log.close()).isEqualTo(new Probe.Closed(4400, "this stream takes no messages"));
        Probe list = Probe.open("ws://" + base + "/sessions", "s3cret");
        list.socket.sendText("{\"type\":\"config\"}", true);
        assertThat(list.close()).isEqualTo(new Probe.Closed(4400, "this stream takes no messages"));
        assertThat(refusal("/sessions", null)).isEqualTo(new Probe.Closed(4401, "unauthorized: give the server's token"));
        assertThat(malformedFrame()).as("a frame of a reserved opcode: a protocol error").isEqualTo(1002);
        assertThat(Probe.get("http://" + base + "/health", "s3cret").body()).isEqualTo("{\"status\":\"ok\"}\n");
    }

    @Test
    void theHttpSurfaceAnswersInJsonAndNeverLeavesTheRoot() throws Exception {
        assertThat(Probe.get("http://" + base + "/sessions", null).statusCode()).isEqualTo(401);
        assertThat(Probe.get("http://" + base + "/sessions", "s3cret").body())
                .startsWith("{\"sessions\":[{\"id\":\"s1\",\"size\":" + 2 * LINE.length() + ",");
        assertThat(Probe.get("http://" + base + "/sessions/s1/log?from=" + LINE.length(), "s3cret").body()).isEqualTo(LINE);
        assertThat(Probe.get("http://" + base + "/sessions/s1/log?token=s3cret", null).body()).isEqualTo(LINE + LINE);
        var escape = Probe.get("http://" + base + "/sessions/..%2Fsecret/log", "s3cret");
        assertThat(escape.statusCode()).isEqualTo(400);
        assertThat(escape.body()).isEqualTo("{\"error\":\"Ambiguous URI path separator\"}\n");
        assertThat(Probe.get("http://" + base + "/sessions/nope/log", "s3cret").statusCode()).isEqualTo(404);
        var past = Probe.get("http://" + base + "/sessions/s1/log?from=999", "s3cret");
        assertThat(past.statusCode()).isEqualTo(416);
        assertThat(past.body()).contains("past the end of the log");
        assertThat(Probe.get("http://" + base + "/other", "s3cret").statusCode()).isEqualTo(404);
        var post = Probe.CLIENT.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://" + base + "/health"))
                .header("Authorization", "Bearer s3cret").POST(java.net.http.HttpRequest.BodyPublishers.ofString("x")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(server.counts().toString()).contains("refused");
    }
}
