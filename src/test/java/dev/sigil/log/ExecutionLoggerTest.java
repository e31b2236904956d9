package dev.sigil.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.ExecutionEntry;
import dev.sigil.contract.model.Metadata;
import dev.sigil.layout.SessionId;
import dev.sigil.log.summary.ComponentMetrics;
import dev.sigil.log.summary.ComponentTokens;
import dev.sigil.log.summary.SessionMetrics;
import dev.sigil.log.summary.TokenSummary;
import tools.jackson.databind.JsonNode;

class ExecutionLoggerTest {

    @TempDir
    Path tmp;

    private final TestClock clock = TestClock.seedDay();
    private final RecordingReporter reporter = new RecordingReporter();

    private LoggerSettings settings() {
        return LoggerSettings.builder().logPath(tmp.resolve("logs")).build();
    }

    private ExecutionLogger open(String session) throws IOException {
        return ExecutionLogger.builder(settings()).clock(clock).reporter(reporter).shutdownHook(false).open(session);
    }

    @Test
    void writesEachEntryAsOneCPythonLineInTheSessionLog() throws IOException {
        Path log;
        try (ExecutionLogger logger = open("test-1")) {
            log = logger.logFile();
            logger.log(EventType.SESSION_START, Component.ORCHESTRATOR, "Starting pipeline for: Analyze Acme Corp", 0,
                    Metadata.builder().task("Analyze Acme Corp").budget(256000).build());
            clock.advanceMicros(1_111_111);
            logger.log(EventType.STEP_COMPLETE, Component.ROUTING, "Intent classified as: lead_analysis", 50,
                    Metadata.builder().latencyMs(1100).put("intent", "lead_analysis").build());
        }
        assertThat(log).isEqualTo(tmp.resolve("logs").toRealPath().resolve("sessions/test-1/execution.jsonl"));
        // The seed's own example lines (seed 001 §7.2.1), with latency written as a float (docs/contract.md §5).
        assertThat(Files.readString(log)).isEqualTo(
                "{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"session_id\":\"test-1\",\"event_type\":\"session_start\",\"component\":\"orchestrator\","
                        + "\"message\":\"Starting pipeline for: Analyze Acme Corp\",\"tokens\":0,\"metadata\":{\"task\":\"Analyze Acme Corp\",\"budget\":256000}}\n"
                        + "{\"timestamp\":\"2026-01-11T10:15:33.234567\",\"session_id\":\"test-1\",\"event_type\":\"step_complete\",\"component\":\"routing\","
                        + "\"message\":\"Intent classified as: lead_analysis\",\"tokens\":50,\"metadata\":{\"latency_ms\":1100.0,\"intent\":\"lead_analysis\"}}\n");
        assertThat(reporter.messages).isEmpty();
    }

    @Test
    void closingFromAnInterruptedThreadStillWritesEverythingQueuedAndKeepsTheFlag() throws IOException {
        ExecutionLogger logger = open("interrupted");
        Path log = logger.logFile();
        for (int i = 0; i < 500; i++) {
            logger.log(EventType.STEP_COMPLETE, Component.REASONING, "step " + i, 1, Metadata.EMPTY);
        }
        Thread.currentThread().interrupt();
        try {
            logger.close();
            assertThat(Thread.currentThread().isInterrupted()).as("the caller's interrupt is kept").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(Files.readAllLines(log)).hasSize(500);
        assertThat(logger.stats().clean()).isTrue();
    }

    @Test
    void directoriesAre0700FilesAre0600AndCurrentPointsAtTheLog() throws IOException {
        try (ExecutionLogger logger = open("perm-check")) {
            logger.log(EventType.STEP_ERROR, Component.MEMORY, "lookup failed", 0, Metadata.builder().error("timeout").build());
            logger.summaries(tokens("perm-check"), null);
        }
        Path root = tmp.resolve("logs");
        Path session = root.resolve("sessions/perm-check");
        for (Path dir : List.of(root, root.resolve("sessions"), session)) {
            assertThat(mode(dir)).as(dir.toString()).isEqualTo("rwx------");
        }
        for (String name : List.of("execution.jsonl", "errors.jsonl", "tokens.json", "metrics.json", ".lock")) {
            assertThat(mode(session.resolve(name))).as(name).isEqualTo("rw-------");
        }
        Path current = root.resolve("current.jsonl");
        assertThat(Files.isSymbolicLink(current)).isTrue();
        assertThat(Files.readSymbolicLink(current)).isEqualTo(Path.of("sessions/perm-check/execution.jsonl"));
        assertThat(Files.readString(current)).isEqualTo(Files.readString(session.resolve("execution.jsonl")));
    }

    @Test
    void anInvalidEntryIsNeverWrittenButKeptInErrorsWithPointerAndRule() throws IOException {
        ExecutionEntry bad = new ExecutionEntry("2026-01-11T10:15:32", "rej", EventType.STEP_COMPLETE, Component.ROUTING, "done", 5,
                Metadata.builder().put("latency_ms", "fast").build());
        List<Rejection> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        Path dir;
        try (ExecutionLogger logger = ExecutionLogger.builder(settings()).clock(clock).reporter(reporter).shutdownHook(false)
                .onRejected(heard::add).open("rej")) {
            dir = logger.sessionDirectory();
            logger.log(bad);
            logger.log(EventType.STEP_START, Component.ROUTING, "ok");
            assertThatThrownBy(() -> logger.logChecked(bad)).isInstanceOf(InvalidEntryException.class)
                    .hasMessageContaining("/metadata/latency_ms").hasMessageContaining("rule type");
        }
        assertThat(LogFiles.lines(dir.resolve("execution.jsonl"))).hasSize(1).allMatch(l -> l.contains("\"ok\""));
        assertThat(heard).hasSize(1);
        assertThat(heard.get(0).violations()).extracting(v -> v.pointer() + " " + v.keyword()).containsExactly("/metadata/latency_ms type");
        List<JsonNode> errors = LogFiles.records(dir.resolve("errors.jsonl"));
        assertThat(errors).hasSize(2).allSatisfy(e -> {
            assertThat(e.get("kind").stringValue()).isEqualTo("rejected");
            assertThat(e.at("/violations/0/pointer").stringValue()).isEqualTo("/metadata/latency_ms");
            assertThat(e.at("/violations/0/rule").stringValue()).isEqualTo("type");
            assertThat(WRITER.encodeToString(e.get("entry"))).isEqualTo(encode(bad));
        });
        assertThat(metrics(dir).at("/logger/entries_rejected").longValue()).isEqualTo(2);
    }

    @Test
    void nonFiniteNumbersAreRefusedAndKeptWithCPythonLiterals() throws IOException {
        Path dir;
        try (ExecutionLogger logger = open("nan")) {
            dir = logger.sessionDirectory();
            logger.log(EventType.STEP_COMPLETE, Component.REASONING, "x", 1, Metadata.builder().put("scores", jsonArray("[1.5]"))
                    .put("nested", jsonObject("{\"a\":[0,1]}")).latencyMs(Double.NaN).build());
            logger.log(EventType.STEP_COMPLETE, Component.REASONING, "y", 1, Metadata.builder().put("inf", Double.NEGATIVE_INFINITY).build());
        }
        assertThat(LogFiles.lines(dir.resolve("execution.jsonl"))).isEmpty();
        List<String> errors = LogFiles.lines(dir.resolve("errors.jsonl"));
        assertThat(errors.get(0)).contains("\"pointer\":\"/metadata/latency_ms\",\"rule\":\"non-finite\"").contains("\"latency_ms\":NaN");
        assertThat(errors.get(1)).contains("\"pointer\":\"/metadata/inf\"").contains("\"inf\":-Infinity");
    }

    @Test
    void errorEventsAreCopiedToErrorsExactlyAsWritten() throws IOException {
        Path dir;
        try (ExecutionLogger logger = open("copies")) {
            dir = logger.sessionDirectory();
            logger.log(EventType.STEP_ERROR, Component.PLANNING, "planner failed", 0, Metadata.builder().error("boom").build());
            logger.log(EventType.STEP_COMPLETE, Component.PLANNING, "fine");
        }
        String written = LogFiles.lines(dir.resolve("execution.jsonl")).get(0);
        assertThat(LogFiles.lines(dir.resolve("errors.jsonl"))).containsExactly("{\"kind\":\"event\",\"entry\":" + written + "}");
    }

    @Test
    void aSecondLoggerOnTheSameSessionIsRefusedUntilTheFirstCloses() throws IOException {
        ExecutionLogger first = open("shared");
        assertThatThrownBy(() -> open("shared")).isInstanceOf(SessionLockedException.class)
                .hasMessageContaining("session 'shared' is already being written by another logger")
                .hasMessageContaining("process " + ProcessHandle.current().pid()).hasMessageContaining("one writer per session");
        first.close();
        try (ExecutionLogger second = open("shared")) {
            assertThat(second.log(EventType.STEP_START, Component.ROUTING, "again")).isTrue();
        }
    }

    @Test
    void invalidSessionIdsAreRefusedBeforeAnyFileIsTouched() {
        for (String id : List.of("", "../x", "a/b", "a.b", "..", "x".repeat(65), "caf\u00e9", "a b", "new\nline")) {
            assertThatThrownBy(() -> open(id)).as(id).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a session id is 1 to 64 characters from A-Z a-z 0-9 _ -");
        }
        assertThat(tmp.resolve("logs")).doesNotExist();
        assertThatThrownBy(() -> SessionId.of("../x")).hasMessageStartingWith("session id '../x' contains '.' at position 1");
        assertThatThrownBy(() -> SessionId.of("x".repeat(65))).hasMessageContaining("is 65 characters long");
        assertThat(SessionId.isValid("x".repeat(64))).isTrue();
    }

    @Test
    void symlinksPlantedInTheLogDirectoryAreNeverWrittenThrough() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path sessions = Files.createDirectories(tmp.resolve("logs/sessions"));
        Files.createSymbolicLink(sessions.resolve("planted"), outside);
        assertThatThrownBy(() -> open("planted")).isInstanceOf(UnsafePathException.class)
                .hasMessageContaining("is a symbolic link (to " + outside + ")");
        Files.createDirectories(sessions.resolve("file-link"));
        Files.createSymbolicLink(sessions.resolve("file-link/execution.jsonl"), outside.resolve("victim"));
        assertThatThrownBy(() -> open("file-link")).isInstanceOf(UnsafePathException.class);
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void aTornLastLineLeftByACrashIsCutAndKeptBeforeAppending() throws IOException {
        Path session = Files.createDirectories(tmp.resolve("logs/sessions/torn"));
        String good = "{\"timestamp\":\"2026-01-11T10:00:00\",\"session_id\":\"torn\",\"event_type\":\"step_start\",\"component\":\"routing\",\"message\":\"a\",\"tokens\":0,\"metadata\":{}}\n";
        Files.writeString(session.resolve("execution.jsonl"), good + "{\"timestamp\":\"2026-01-1");
        try (ExecutionLogger logger = open("torn")) {
            logger.log(EventType.STEP_START, Component.ROUTING, "b");
        }
        List<String> lines = LogFiles.lines(session.resolve("execution.jsonl"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0) + "\n").isEqualTo(good);
        JsonNode torn = LogFiles.records(session.resolve("errors.jsonl")).get(0);
        assertThat(torn.get("kind").stringValue()).isEqualTo("torn_tail");
        assertThat(torn.get("offset").longValue()).isEqualTo(good.length());
        assertThat(new String(java.util.Base64.getDecoder().decode(torn.get("bytes_base64").stringValue()), StandardCharsets.US_ASCII))
                .isEqualTo("{\"timestamp\":\"2026-01-1");
        assertThat(reporter.count("cut an unfinished last line")).isEqualTo(1);
    }

    @Test
    void entriesOfAnotherSessionAndEntriesAfterCloseAreRefusedAndCounted() throws IOException {
        ExecutionLogger logger = open("mine");
        ExecutionEntry other = new ExecutionEntry("2026-01-11T10:00:00", "theirs", EventType.STEP_START, Component.ROUTING, "x", 0, Metadata.EMPTY);
        assertThatThrownBy(() -> logger.log(other)).hasMessageContaining("an entry of session 'theirs' was given to the logger of session 'mine'");
        logger.close();
        assertThat(logger.log(EventType.STEP_START, Component.ROUTING, "late")).isFalse();
        assertThat(logger.stats().dropped()).isZero();
        assertThat(reporter.count("after the logger closed")).isEqualTo(1);
    }

    @Test
    void summariesAreWrittenAtCloseWithTheLoggersOwnCounts() throws IOException {
        Path dir;
        try (ExecutionLogger logger = open("sums")) {
            dir = logger.sessionDirectory();
            logger.log(EventType.STEP_COMPLETE, Component.ROUTING, "done", 50, Metadata.EMPTY);
            logger.summaries(tokens("sums"), new SessionMetrics("sums", "2026-01-11T10:15:38.789012", 5.1, 1, 0,
                    Map.of(Component.ROUTING, new ComponentMetrics(1100, 1, 0)), Optional.of(Component.ROUTING), Optional.of(Component.ROUTING), 1100));
        }
        assertThat(Files.readString(dir.resolve("tokens.json"))).startsWith("{\n  \"session_id\": \"sums\",\n  \"timestamp\": \"2026-01-11T10:15:38.789012\",\n  \"total_budget\": 256000,")
                .contains("\"routing\": {\n      \"allocated\": 10000,\n      \"used\": 50,\n      \"utilization\": 0.5\n    }").endsWith("}\n");
        JsonNode metrics = metrics(dir);
        assertThat(metrics.get("slowest_component").stringValue()).isEqualTo("routing");
        assertThat(metrics.at("/logger/entries_written").longValue()).isEqualTo(1);
        assertThat(metrics.at("/logger/entries_unwritten").longValue()).isZero();
    }

    @Test
    void aLogDeletedDuringTheRunIsCreatedAgainAndWhatItHeldIsCountedEverywhere() throws IOException {
        Path dir;
        Path log;
        String big = "Résumé validé — 日本語の要約 ".repeat(200); // a 4 KiB LLM output
        try (ExecutionLogger logger = open("deleted")) {
            dir = logger.sessionDirectory();
            log = logger.logFile();
            for (int i = 0; i < 3; i++) {
                logger.log(EventType.STEP_COMPLETE, Component.ROUTING, "step " + i, 100, Metadata.builder().put("output", big).build());
            }
            assertThat(logger.flush()).isTrue();
            Files.delete(log);
            logger.log(EventType.STEP_COMPLETE, Component.MEMORY, "after the deletion", 7, Metadata.EMPTY);
            assertThat(logger.flush()).isTrue();
            logger.summaries(tokens("deleted"), new SessionMetrics("deleted", "2026-01-11T10:15:38.789012", 5.1, 1, 0,
                    Map.of(Component.ROUTING, new ComponentMetrics(1100, 1, 0)), Optional.of(Component.ROUTING), Optional.of(Component.ROUTING), 1100));
        }
        List<String> lines = Files.readAllLines(log);
        JsonNode notice = jsonArray(lines.stream().filter(l -> l.contains("\"event_type\":\"error\"")).findFirst().orElseThrow());
        assertThat(notice.at("/metadata/lost_entries").longValue()).isEqualTo(3);
        assertThat(notice.at("/metadata/lost_tokens").longValue()).isEqualTo(300);
        assertThat(lines).anyMatch(l -> l.contains("after the deletion"));
        JsonNode record = jsonArray(Files.readAllLines(dir.resolve("errors.jsonl")).stream().filter(l -> l.contains("log_deleted"))
                .findFirst().orElseThrow());
        assertThat(record.get("entries").longValue()).isEqualTo(3);
        assertThat(record.get("tokens").longValue()).isEqualTo(300);
        assertThat(record.get("bytes").longValue()).isGreaterThan(3 * big.length());
        assertThat(metrics(dir).at("/logger/entries_in_deleted_logs").longValue()).isEqualTo(3);
        assertThat(reporter.messages).anyMatch(m -> m.contains("was deleted (or renamed away) during the run") && m.contains("3 entries"));
    }

    static TokenSummary tokens(String session) {
        return new TokenSummary(session, "2026-01-11T10:15:38.789012", 256000, 650, 255350, 0.25,
                Map.of(Component.ROUTING, new ComponentTokens(10000, 50, 0.5)));
    }

    static JsonNode metrics(Path dir) throws IOException {
        return new dev.sigil.contract.codec.PythonJsonReader().read(Files.readAllBytes(dir.resolve("metrics.json")));
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private static JsonNode jsonArray(String json) {
        return new dev.sigil.contract.codec.PythonJsonReader().read(json);
    }

    private static JsonNode jsonObject(String json) {
        return new dev.sigil.contract.codec.PythonJsonReader().read(json);
    }

    private static final PythonJsonWriter WRITER = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);

    private static String encode(ExecutionEntry e) {
        return new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT).encodeToString(e.toJsonNode());
    }
}
