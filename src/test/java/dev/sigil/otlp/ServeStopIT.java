package dev.sigil.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code scripts/sigil serve --otlp} as a user stops it: Ctrl-C (SIGINT) or a service manager's SIGTERM. The JVM's
 * shutdown does not wait for the main thread, so the counts must be printed from the shutdown itself: the process
 * says what it received before it ends, and what it wrote is whole.
 */
class ServeStopIT {

    static final Path HOME = Path.of(System.getProperty("sigil.home", ".")).toAbsolutePath();

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"INT, 130", "TERM, 143"})
    void aSignalStopsItAndTheCountsArePrinted(String signal, int exit) throws Exception {
        Path stderr = dir.resolve("err.txt");
        ProcessBuilder b = new ProcessBuilder(HOME.resolve("scripts/sigil").toString(), "serve", "--otlp", "--port", "0", "-l",
                dir.resolve("logs").toString()).directory(dir.toFile()).redirectError(stderr.toFile());
        b.environment().put("SIGIL_NO_BUILD", "1");
        b.environment().put("HOME", dir.toString());
        Process p = b.start();
        try {
            String first = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(first).as(Files.readString(stderr)).contains("receiving OTLP/HTTP on http://127.0.0.1:");
            String url = first.substring(first.indexOf("http://"), first.indexOf(" (/v1"));
            String json = "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"stop\"}}]},"
                    + "\"scopeLogs\":[{\"logRecords\":[{\"timeUnixNano\":\"1764500000000000000\",\"body\":{\"stringValue\":\"hello\"}}]}]}]}";
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/v1/logs"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(err).isEqualTo(exit);
            assertThat(err).contains("sigil serve: received 1 request: 0 spans and 1 log record, 1 entry written to 1 session; refused: 0 malformed");
        } finally {
            p.destroyForcibly();
        }
        try (var sessions = Files.list(dir.resolve("logs/sessions"))) { // the record, after the session_start it opened
            Path log = sessions.findFirst().orElseThrow().resolve("execution.jsonl");
            assertThat(ServeOtlpTest.validLines(log)).hasSize(2);
        }
    }
}
