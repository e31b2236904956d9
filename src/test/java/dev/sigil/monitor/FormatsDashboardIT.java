package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.testing.Tmux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard in a real terminal (tmux, a server of its own) on other producers' logs (docs/formats.md §11): a
 * folder of Claude Code transcripts shows its newest session with its tokens (cache included, restated messages once),
 * its tools and sub-agents as components and its API error, never raw JSON; a pino log shows pino's levels (50 error,
 * 60 critical) and its messages. The screens are written to target/formats-captures/ for the document.
 */
class FormatsDashboardIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path FIXTURES = Path.of("contract/formats/fixtures");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    private Tmux terminal;

    @AfterEach
    void tearDown() throws Exception {
        if (terminal != null) {
            terminal.close();
        }
    }

    @Test
    void aClaudeCodeProjectsFolder() throws Exception {
        Path projects = TranscriptFolderTest.projects(home.resolve(".claude/projects"));
        start(projects);
        String screen = waitFor(s -> s.contains("SIGIL MONITOR") && s.contains("agent-c0de") && s.contains("Errors 1"));
        long tokens = 0;
        Path main = projects.resolve("-home-dev-uploader/7b2e4f10-9c3d-4a58-b6e1-2f0a9d8c7e65.jsonl");
        Path agent = projects.resolve("-home-dev-uploader/7b2e4f10-9c3d-4a58-b6e1-2f0a9d8c7e65/subagents/agent-c0de4e5.jsonl");
        for (Path p : List.of(main, agent)) {
            tokens += lastFiguresOfEachMessage(p);
        }
        assertThat(screen).contains("format claude-code", "used " + String.format("%,d", tokens) + " of", "Bash", "Grep", "API Error: 529")
                .doesNotContain("[{\"type\"");
        save("claude-code", screen);
    }

    @Test
    void aPinoLog() throws Exception {
        Path log = Files.copy(FIXTURES.resolve("pino.jsonl"), home.resolve("app.log"));
        start(log);
        String screen = waitFor(s -> s.contains("SIGIL MONITOR") && s.contains("database unavailable"));
        // pino's 50 is error and 60 fatal (shown CRIT, as the dashboard writes critical); its msg is the message.
        assertThat(screen).contains("format pino", "ERROR db", "CRIT  billing", "worker crashed", "Errors 3");
        save("pino", screen);
    }

    /**
     * Claude Code's tokens as ccusage counts them (Anthropic's usage: input_tokens leaves the cache tokens out), each
     * assistant message once at the figures of its last line (same message.id and requestId).
     */
    private static long lastFiguresOfEachMessage(Path file) throws IOException {
        java.util.Map<String, Long> last = new java.util.LinkedHashMap<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode j = JSON.readTree(line);
            JsonNode u = j.at("/message/usage");
            if (!u.isObject()) {
                continue;
            }
            long t = u.path("input_tokens").asLong() + u.path("cache_creation_input_tokens").asLong()
                    + u.path("cache_read_input_tokens").asLong() + u.path("output_tokens").asLong();
            String id = j.at("/message/id").isString() ? j.at("/message/id").stringValue() + "/" + j.path("requestId").asString("") : "#" + n++;
            last.put(id, t);
        }
        return last.values().stream().mapToLong(Long::longValue).sum();
    }

    private void start(Path path) throws Exception {
        String sigil = Path.of(System.getProperty("sigil.home"), "scripts", "sigil").toString();
        String script = "HOME='" + home + "' SIGIL_NO_BUILD=1 '" + sigil + "' monitor --no-color '" + path + "'; sleep 120";
        terminal = Tmux.start(100, 30, script);
    }

    private static void save(String name, String screen) throws IOException {
        Path dir = Files.createDirectories(Path.of("target/formats-captures"));
        Files.writeString(dir.resolve(name + ".txt"), screen, StandardCharsets.UTF_8);
    }

    /** The screen once {@code condition} holds and the frame after the backlog has settled: the capture is for the document. */
    private String waitFor(Predicate<String> condition) throws Exception {
        return terminal.settled(condition, WAIT);
    }
}
