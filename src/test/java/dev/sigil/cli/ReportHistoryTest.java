package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.codec.PythonJsonReader;
import tools.jackson.databind.JsonNode;

/**
 * {@code sigil report}'s history verbs over several sessions: hours and weeks, the trend with its gaps, relative
 * ranges, --active, and the totals kept beside each log (used when the log is unchanged, rebuilt when it changes,
 * never written where the user cannot write). Expected figures are the lines' own counts, added here.
 */
class ReportHistoryTest {

    private static final String MINI = "openai:gpt-4.1-mini-2025-04-14";

    @TempDir
    Path home;
    Path logs;

    private CliRun run(String... args) {
        return CliRun.run(Map.of("HOME", home.toString()), args);
    }

    private static String line(String session, String ts, String type, long tokens) {
        return "{\"timestamp\":\"" + ts + "\",\"session_id\":\"" + session + "\",\"event_type\":\"" + type + "\",\"component\":\"reasoning\","
                + "\"message\":\"m\",\"tokens\":" + tokens + ",\"metadata\":{\"tokens_used\":{\"input_tokens\":" + (tokens - 100)
                + ",\"output_tokens\":100,\"total_tokens\":" + tokens + ",\"model\":\"" + MINI + "\"}}}\n";
    }

    private Path session(String id, String... lines) throws IOException {
        Path dir = logs.resolve("sessions").resolve(id);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("execution.jsonl"), String.join("", lines));
        return dir;
    }

    @BeforeEach
    void sessions() throws IOException {
        logs = home.resolve("logs");
        session("a", line("a", "2026-01-05T10:15:00", "step_complete", 1000), line("a", "2026-01-05T10:45:00", "step_complete", 2000),
                line("a", "2026-01-05T11:05:00", "step_complete", 500));
        session("b", line("b", "2026-01-07T09:00:00", "step_complete", 4000), line("b", "2026-01-12T09:00:00", "step_complete", 300));
    }

    private JsonNode json(String... args) {
        CliRun r = run(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new PythonJsonReader().read(r.out().strip());
    }

    private static List<String> column(JsonNode rows, String name) {
        return java.util.stream.StreamSupport.stream(rows.spliterator(), false).filter(r -> r.has(name)).map(r -> r.get(name).asString()).toList();
    }

    @Test
    void hoursAndWeeksAreLocalPeriodsInTheirOrder() {
        JsonNode hours = json("report", "--all", "-l", logs.toString(), "--by", "hour", "--format", "json", "--no-cache");
        assertThat(column(hours, "hour")).containsExactly("2026-01-05 10:00", "2026-01-05 11:00", "2026-01-07 09:00", "2026-01-12 09:00");
        assertThat(hours.get(0).get("total_tokens").asLong()).isEqualTo(3000);
        JsonNode weeks = json("report", "--all", "-l", logs.toString(), "--by", "week", "--format", "json", "--no-cache");
        assertThat(column(weeks, "week")).containsExactly("2026-W02", "2026-W03"); // 5 and 7 Jan are in week 2, the 12th in week 3
        assertThat(weeks.get(0).get("total_tokens").asLong()).isEqualTo(7500);
    }

    @Test
    void aTrendFillsTheDaysBetweenAndGivesEachDaysChange() {
        JsonNode days = json("report", "--all", "-l", logs.toString(), "--trend", "--format", "json");
        assertThat(column(days, "day")).containsExactly("2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09", "2026-01-10",
                "2026-01-11", "2026-01-12");
        assertThat(days.get(0).get("tokens_change").isNull()).isTrue();
        assertThat(days.get(1).get("tokens_change").asLong()).isEqualTo(-3500);
        assertThat(days.get(2).get("tokens_change").asLong()).isEqualTo(4000);
        assertThat(days.get(2).get("cost_change_percent").isNull()).isTrue(); // against a day of $0
        assertThat(days.get(1).get("cost_change_percent").decimalValue()).isEqualByComparingTo("-100.0");
        CliRun text = run("report", "--all", "-l", logs.toString(), "--trend");
        assertThat(text.out()).contains("change_usd").contains("+4,000");
        assertThat(run("report", "--all", "-l", logs.toString(), "--trend", "--by", "model").err()).contains("--trend goes with --by hour, day or week");
    }

    @Test
    void relativeRangesCountBackFromToday() throws IOException {
        String today = LocalDate.now().toString();
        String twoDaysAgo = LocalDate.now().minusDays(2).toString();
        session("c", line("c", twoDaysAgo + "T08:00:00", "step_complete", 800), line("c", today + "T00:00:01", "step_complete", 200));
        JsonNode since2 = json("report", "--all", "-l", logs.toString(), "--since", "2d", "--by", "day", "--format", "json");
        assertThat(column(since2, "day")).containsExactly(twoDaysAgo, today);
        JsonNode until1 = json("report", "--all", "-l", logs.toString(), "--since", "2d", "--until", "1d", "--by", "day", "--format", "json");
        assertThat(column(until1, "day")).containsExactly(twoDaysAgo);
        assertThat(run("report", "--all", "-l", logs.toString(), "--since", "7x").err()).contains("or a time ago (12h, 7d, 2w)");
    }

    @Test
    void theCacheIsReadWhileTheLogIsUnchangedAndRebuiltWhenItChanges() throws IOException {
        Path cache = logs.resolve("sessions/a/report.cache.json");
        JsonNode first = json("report", "--all", "-l", logs.toString(), "--by", "session", "--format", "json");
        assertThat(cache).exists();
        assertThat(first.get(0).get("total_tokens").asLong()).isEqualTo(3500);
        // the kept totals are what the second run shows: changed by hand, the change shows (so they were read)
        Files.writeString(cache, Files.readString(cache).replace(",3000,", ",3001,"));
        assertThat(json("report", "--all", "-l", logs.toString(), "--by", "session", "--format", "json").get(0).get("total_tokens").asLong())
                .isEqualTo(3501);
        assertThat(json("report", "--all", "-l", logs.toString(), "--by", "session", "--format", "json", "--no-cache").get(0)
                .get("total_tokens").asLong()).isEqualTo(3500);
        Files.writeString(logs.resolve("sessions/a/execution.jsonl"), line("a", "2026-01-05T12:00:00", "step_complete", 10),
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(json("report", "--all", "-l", logs.toString(), "--by", "session", "--format", "json").get(0).get("total_tokens").asLong())
                .isEqualTo(3510);
        // every key from the cells equals a read of every line
        for (String by : List.of("model", "component", "operation", "phase", "session", "hour", "day", "week")) {
            assertThat(json("report", "--all", "-l", logs.toString(), "--by", by, "--format", "json"))
                    .as(by).isEqualTo(json("report", "--all", "-l", logs.toString(), "--by", by, "--format", "json", "--no-cache"));
        }
        // a bound inside an hour is applied to each line, not to the hour's cell
        JsonNode half = json("report", "--all", "-l", logs.toString(), "--since", "2026-01-05T10:30", "--until", "2026-01-05T23:59", "--format", "json");
        assertThat(half.get(half.size() - 1).get("total").get("total_tokens").asLong()).isEqualTo(2510);
    }

    @Test
    void aDirectoryOthersMayWriteIsReadWithoutACache() throws IOException {
        // the log tree's rule (ADR 0080): a directory someone else may write is not written in (as root, the test
        // cannot take its own write permission away, so this is the refusal it can see)
        Path dir = logs.resolve("sessions/b");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        try {
            JsonNode rows = json("report", "--all", "-l", logs.toString(), "--by", "session", "--format", "json");
            assertThat(rows.get(1).get("total_tokens").asLong()).isEqualTo(4300);
            assertThat(dir.resolve("report.cache.json")).doesNotExist();
            assertThat(logs.resolve("sessions/a/report.cache.json")).exists();
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void activeSessionsAreTheOnesStillBeingWritten() throws IOException {
        String now = LocalDateTime.now().withNano(0).toString();
        session("live", line("live", now, "step_complete", 600));
        session("done", line("done", now, "step_complete", 700), line("done", now, "session_complete", 0));
        for (String old : List.of("a", "b")) {
            Files.setLastModifiedTime(logs.resolve("sessions").resolve(old).resolve("execution.jsonl"),
                    java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        }
        JsonNode rows = json("report", "--all", "-l", logs.toString(), "--active", "--format", "json");
        assertThat(column(rows, "session")).containsExactly("live"); // a and b: not ended, but not written for an hour
        CliRun none = run("report", "--session", "done", "-l", logs.toString(), "--active");
        assertThat(none.err()).contains("no session running");
    }
}
