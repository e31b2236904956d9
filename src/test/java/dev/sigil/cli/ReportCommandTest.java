package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.event.Usage;
import dev.sigil.cost.UsagePricer;
import dev.sigil.prices.BundledPrices;
import tools.jackson.databind.JsonNode;

/**
 * {@code sigil report} in-process on logs written here, in both dialects, with a rotated part and a restated total.
 * Expected dollars come from the pricer, which the compat tests hold to genai-prices' own calcPrice; the counts are
 * the lines' own (ReportCompatTest checks the whole with an independent Python reader).
 */
class ReportCommandTest {

    private static final String OPUS = "anthropic:claude-opus-4-5-20251101";
    private static final String MINI = "openai:gpt-4.1-mini-2025-04-14";
    private static final UsagePricer PRICER = new UsagePricer(BundledPrices::catalog);

    @TempDir
    Path home;
    Path logs;
    Path session;

    private CliRun run(String... args) {
        return CliRun.run(Map.of("HOME", home.toString()), args);
    }

    private static String entry(String ts, String type, String component, long tokens, String usage, String extra) {
        String meta = "{" + (usage.isEmpty() ? "" : "\"tokens_used\":" + usage) + (extra.isEmpty() ? "" : (usage.isEmpty() ? "" : ",") + extra) + "}";
        return "{\"timestamp\":\"" + ts + "\",\"session_id\":\"rep-1\",\"event_type\":\"" + type + "\",\"component\":\"" + component
                + "\",\"message\":\"m\",\"tokens\":" + tokens + ",\"metadata\":" + meta + "}\n";
    }

    private static String usage(String model, long in, long out, long read) {
        return "{\"input_tokens\":" + in + ",\"output_tokens\":" + out + ",\"total_tokens\":" + (in + out) + ",\"model\":\"" + model + "\""
                + (read > 0 ? ",\"cache_read_tokens\":" + read : "") + "}";
    }

    @BeforeEach
    void logs() throws IOException {
        logs = home.resolve("logs");
        session = logs.resolve("sessions/rep-1");
        Files.createDirectories(session);
        // the rotated part holds the start; the live file the rest and a seed-001 style restated total
        Files.writeString(session.resolve("execution.1.jsonl"), entry("2026-01-11T10:00:00", "session_start", "orchestrator", 0, "", "\"budget\":100000")
                + entry("2026-01-11T10:00:01", "step_complete", "planning", 3700, usage(OPUS, 2500, 1200, 1000), "\"operation\":\"create_plan\",\"phase\":\"planning\""));
        Files.writeString(session.resolve("execution.jsonl"), entry("2026-01-12T09:00:00", "step_complete", "memory", 1500, usage(MINI, 1200, 300, 0), "\"operation\":\"retrieve_context\"")
                + entry("2026-01-12T09:00:01", "step_complete", "reasoning", 700, "", "\"operation\":\"direct\"")
                + entry("2026-01-12T09:00:02", "session_complete", "orchestrator", 5900, "", "\"total_tokens\":5900"));
    }

    private static BigDecimal price(String model, long in, long out, long read, String ts) {
        Instant at = LocalDateTime.parse(ts).atZone(ZoneId.systemDefault()).toInstant();
        return PRICER.usd(Usage.of(model, in, out, read, 0, 0, 0), at).orElseThrow();
    }

    @Test
    void jsonRowsAreNamedAfterByThenTheTotalAndARestatedTotalCountsOnce() {
        CliRun r = run("report", "--format", "json", "--by", "model", session.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode rows = new PythonJsonReader().read(r.out().strip());
        assertThat(rows.size()).isEqualTo(4);
        assertThat(rows.get(0).propertyNames().iterator().next()).isEqualTo("model");
        BigDecimal opus = price(OPUS, 2500, 1200, 1000, "2026-01-11T10:00:01");
        BigDecimal mini = price(MINI, 1200, 300, 0, "2026-01-12T09:00:00");
        assertThat(rows.get(0).get("model").stringValue()).isEqualTo(OPUS);
        assertThat(rows.get(0).get("cost_usd").decimalValue()).isEqualByComparingTo(opus);
        assertThat(rows.get(0).get("cache_read_tokens").longValue()).isEqualTo(1000);
        assertThat(rows.get(2).get("model").stringValue()).isEqualTo("(unknown model)");
        assertThat(rows.get(2).get("cost_usd").isNull()).isTrue();
        assertThat(rows.get(2).get("unpriced_tokens").longValue()).isEqualTo(700);
        JsonNode total = rows.get(3).get("total");
        assertThat(total.get("total_tokens").longValue()).isEqualTo(5900); // the restated 5,900 is not added
        assertThat(total.get("events").longValue()).isEqualTo(3);
        assertThat(total.get("cost_usd").decimalValue()).isEqualByComparingTo(opus.add(mini));
        assertThat(r.err()).contains("1 restated total counted once");
    }

    @Test
    void theTableSaysUnpricedAndTheCsvQuotesWhatNeedsIt() {
        CliRun table = run("report", "--by", "component", session.toString());
        assertThat(table.out()).contains("component").contains("unpriced").contains("(total)");
        assertThat(table.out().lines().filter(l -> l.startsWith("reasoning")).findFirst().orElseThrow()).contains("unpriced");
        CliRun csv = run("report", "--by", "operation", "--format", "csv", session.toString());
        assertThat(csv.out().lines().findFirst().orElseThrow()).isEqualTo("operation,input_tokens,output_tokens,cache_read_tokens,"
                + "cache_write_tokens,reasoning_tokens,total_tokens,cost_usd,events,unpriced_tokens");
        assertThat(csv.out()).contains("\ndirect,0,0,0,0,0,700,,1,700\n");
    }

    @Test
    void topKeepsTheMostExpensiveRowsAndTheTotalStillCountsAll() {
        CliRun r = run("report", "--format", "json", "--top", "1", session.toString());
        JsonNode rows = new PythonJsonReader().read(r.out().strip());
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.get(0).get("model").stringValue()).isEqualTo(OPUS);
        assertThat(rows.get(1).get("total").get("total_tokens").longValue()).isEqualTo(5900);
        assertThat(run("report", "--top", "1", session.toString()).out()).contains("2 more rows not shown (--top), counted in the total");
    }

    @Test
    void daysAreLocalDatesAndSinceAndUntilTakeWholeDays() {
        JsonNode days = new PythonJsonReader().read(run("report", "--by", "day", "--format", "json", session.toString()).out().strip());
        assertThat(days.get(0).get("day").stringValue()).isEqualTo("2026-01-11");
        assertThat(days.get(1).get("day").stringValue()).isEqualTo("2026-01-12");
        assertThat(days.get(1).get("total_tokens").longValue()).isEqualTo(2200);
        CliRun only12 = run("report", "--since", "2026-01-12", "--format", "json", session.toString());
        JsonNode rows = new PythonJsonReader().read(only12.out().strip());
        assertThat(rows.get(rows.size() - 1).get("total").get("total_tokens").longValue()).isEqualTo(2200);
        assertThat(only12.err()).contains("1 line with tokens outside --since/--until");
        CliRun only11 = run("report", "--until", "2026-01-11", "--format", "json", session.toString());
        assertThat(new PythonJsonReader().read(only11.out().strip()).get(1).get("total").get("total_tokens").longValue()).isEqualTo(3700);
    }

    @Test
    void theOperationLogDialectCountsItsStepsAndNotItsOrchestratorsRepeats() throws IOException {
        Path seed2 = home.resolve("ops.jsonl");
        Files.writeString(seed2, String.join("\n",
                "{\"id\":\"log_003\",\"timestamp\":\"2026-01-11T14:30:00.275Z\",\"level\":\"info\",\"component\":\"router\",\"operation\":\"route_request\",\"message\":\"Completed route_request\",\"session_id\":\"sess_abc\",\"tokens_used\":" + usage(OPUS, 320, 80, 0) + "}",
                "{\"id\":\"log_009\",\"timestamp\":\"2026-01-11T14:30:02.080Z\",\"level\":\"info\",\"component\":\"reasoning\",\"operation\":\"direct\",\"message\":\"Completed direct\",\"session_id\":\"sess_abc\",\"tokens_used\":{\"total_tokens\":700}}",
                "{\"id\":\"log_010\",\"timestamp\":\"2026-01-11T14:30:02.100Z\",\"level\":\"info\",\"component\":\"orchestrator\",\"operation\":\"execute_step\",\"message\":\"Step completed: x\",\"session_id\":\"sess_abc\",\"tokens_used\":{\"total_tokens\":700}}",
                "not json at all", "") );
        CliRun r = run("report", "--by", "session", "--format", "json", seed2.toString(), session.toString());
        JsonNode rows = new PythonJsonReader().read(r.out().strip());
        assertThat(rows.get(0).get("session").stringValue()).isEqualTo("rep-1");
        assertThat(rows.get(1).get("session").stringValue()).isEqualTo("sess_abc");
        assertThat(rows.get(1).get("total_tokens").longValue()).isEqualTo(1100);
        assertThat(rows.get(1).get("cost_usd").decimalValue()).isEqualByComparingTo(
                PRICER.usd(Usage.of(OPUS, 320, 80, 0, 0, 0, 0), Instant.parse("2026-01-11T14:30:00.275Z")).orElseThrow());
        assertThat(r.err()).contains("1 line skipped");
    }

    @Test
    void anOverrideFilePricesAModelTheSnapshotDoesNotKnow() throws IOException {
        Path file = home.resolve("log.jsonl");
        Files.writeString(file, entry("2026-01-11T10:00:00", "step_complete", "routing", 3000, usage("mycorp:m-7b", 2000, 1000, 0), ""));
        assertThat(new PythonJsonReader().read(run("report", "--format", "json", file.toString()).out().strip()).get(0).get("cost_usd").isNull()).isTrue();
        Path prices = home.resolve("prices.yaml");
        Files.writeString(prices, "providers: {mycorp: {models: {m-7b: {prices: {input_mtok: 1, output_mtok: 2}}}}}\n");
        JsonNode rows = new PythonJsonReader().read(run("report", "--format", "json", "--prices", prices.toString(), file.toString()).out().strip());
        assertThat(rows.get(0).get("cost_usd").decimalValue()).isEqualByComparingTo("0.004"); // 2000 x $1 + 1000 x $2 per million
    }

    @Test
    void sessionAndAllReadTheLayoutAndBadArgumentsSaySo() {
        JsonNode bySession = new PythonJsonReader().read(run("report", "--session", "rep-1", "--log-path", logs.toString(), "--format", "json").out().strip());
        JsonNode all = new PythonJsonReader().read(run("report", "--all", "--log-path", logs.toString(), "--format", "json").out().strip());
        assertThat(all).isEqualTo(bySession);
        assertThat(run("report").err()).contains("give the logs to read");
        assertThat(run("report", "--by", "minute", session.toString()).err()).contains("--by must be one of");
        assertThat(run("report", "--format", "xml", session.toString()).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run("report", home.resolve("none.jsonl").toString()).err()).contains("no such file or directory");
        assertThat(run("report", "--since", "yesterday", session.toString()).err()).contains("is not a date");
        assertThat(run("report", "--session", "rep-1", session.toString()).err()).contains("give one of");
        assertThat(Optional.of(1)).isPresent();
    }
}
