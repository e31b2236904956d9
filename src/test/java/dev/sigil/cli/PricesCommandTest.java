package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.event.Usage;
import dev.sigil.cost.PriceCalculator;
import dev.sigil.cost.UsageKeys;
import dev.sigil.prices.BundledPrices;

/**
 * {@code sigil prices} in-process, with a home directory of its own (never the real ~/.sigil). Expected costs come
 * from PriceCalculator, which the compat test holds to genai-prices' own calcPrice.
 */
class PricesCommandTest {

    @TempDir
    Path home;

    private CliRun run(String... args) {
        return CliRun.run(Map.of("HOME", home.toString()), args);
    }

    private void homeFile(String yaml) throws IOException {
        Files.createDirectories(home.resolve(".sigil"));
        Files.writeString(home.resolve(".sigil/prices.yaml"), yaml);
    }

    @Test
    void versionNamesThePackageItsVersionAndDateAndTheOverrides() throws IOException {
        CliRun r = run("prices", "--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("price data: @pydantic/genai-prices 0.1.8, published 20").contains("MIT licence")
                .contains("overrides: none");
        homeFile("providers: {mycorp: {models: {m: {prices: {input_mtok: 1, output_mtok: 2}}}}}\n");
        assertThat(run("prices", "--version").out()).contains("overrides: " + home.resolve(".sigil/prices.yaml") + " (1 model)");
    }

    @Test
    void aModelIsShownAsPricingFindsItAndAnUnknownOneIsUnpriced() {
        CliRun r = run("prices", "anthropic:claude-opus-4-5-20251101");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("provider  anthropic, found by id \"anthropic\"").contains("source    genai-prices 0.1.8")
                .contains("cache_write_1h_mtok");
        CliRun unknown = run("prices", "mycorp:internal-llm-7b");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(unknown.out()).startsWith("mycorp:internal-llm-7b: unpriced: no provider of the price data is named \"mycorp\"")
                .contains("never as $0");
    }

    @Test
    void anyOtherTextFiltersTheTable() {
        CliRun r = run("prices", "gpt-4o-mini");
        assertThat(r.exitCode()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).startsWith("MODEL").contains("INPUT", "OUTPUT", "CACHE READ", "SOURCE");
        assertThat(java.util.Arrays.copyOfRange(lines, 1, lines.length)).isNotEmpty().allMatch(l -> l.toLowerCase(java.util.Locale.ROOT).contains("gpt-4o-mini"));
        assertThat(run("prices", "no-such-model-anywhere").exitCode()).isEqualTo(ExitCode.FINDINGS);
    }

    @Test
    void explainPricesEachModelOfALogByItsOwnPricesAndCountsTheRestUnpriced() throws IOException {
        String big = "x".repeat(16 * 1024);
        Path log = home.resolve("execution.jsonl");
        Files.writeString(log, String.join("\n",
                entry("2026-01-11T10:15:32.123456", 52_000, "{\"input_tokens\":52000,\"output_tokens\":1200,\"total_tokens\":53200,"
                        + "\"model\":\"anthropic:claude-sonnet-4-5\",\"cache_read_tokens\":40000,\"cache_write_tokens\":10000,\"cache_write_1h_tokens\":2000}", big),
                entry("2026-01-11T10:15:33", 800, "{\"input_tokens\":700,\"output_tokens\":100,\"total_tokens\":800,\"model\":\"mycorp:internal-llm-7b\"}", big),
                entry("2026-01-11T10:15:34", 300, null, big),
                "{\"id\":\"log_003\",\"timestamp\":\"2026-01-11T14:30:00.275Z\",\"level\":\"info\",\"component\":\"router\",\"operation\":\"route_request\","
                        + "\"message\":\"Completed route_request\",\"tokens_used\":{\"input_tokens\":320,\"output_tokens\":80,\"total_tokens\":400,"
                        + "\"model\":\"anthropic:claude-sonnet-4-5\"}}",
                "not json") + "\n");
        PriceCalculator calc = new PriceCalculator(BundledPrices.catalog());
        java.math.BigDecimal sonnet = calc.price(UsageKeys.of(new Usage("anthropic:claude-sonnet-4-5", 52_000, 1_200, 53_200, 40_000, 10_000, 2_000, 0)),
                "anthropic:claude-sonnet-4-5", LocalDateTime.parse("2026-01-11T10:15:32.123456").atZone(ZoneId.systemDefault()).toInstant())
                .orElseThrow().total().add(calc.price(UsageKeys.of(new Usage("anthropic:claude-sonnet-4-5", 320, 80, 400, 0, 0, 0, 0)),
                        "anthropic:claude-sonnet-4-5", java.time.Instant.parse("2026-01-11T14:30:00.275Z")).orElseThrow().total());
        CliRun r = run("prices", "--explain", log.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("anthropic:claude-sonnet-4-5: 2 calls, 52,320 input (40,000 cache reads, 10,000 cache writes, 2,000 of them for an hour), 1,280 output")
                .contains("  model     claude-sonnet-4-5, which starts with \"claude-sonnet-4-5\"")
                .contains("  cost      $" + sonnet.stripTrailingZeros().toPlainString())
                .contains("mycorp:internal-llm-7b: 1 call, 700 input, 100 output\n  unpriced: no provider of the price data is named \"mycorp\"")
                .contains("unknown model: 300 tokens on 1 line")
                .contains("unpriced: 1,100 tokens (not counted as $0)")
                .contains("skipped: 1 lines");
    }

    private static String entry(String timestamp, long tokens, String usage, String output) {
        return "{\"timestamp\":\"" + timestamp + "\",\"session_id\":\"s1\",\"event_type\":\"step_complete\",\"component\":\"reasoning\","
                + "\"message\":\"Completed step\",\"tokens\":" + tokens + ",\"metadata\":{\"output\":\"" + output + "\""
                + (usage == null ? "" : ",\"tokens_used\":" + usage) + "}}";
    }

    @Test
    void aBrokenOverrideFileIsReportedByLineAndStopsTheCommand() throws IOException {
        homeFile("providers:\n  mycorp:\n    models:\n      m:\n        prices: {input_mtok: cheap}\n");
        CliRun r = run("prices", "--version");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("sigil prices: error: " + home.resolve(".sigil/prices.yaml") + ":5: providers.mycorp.models.m.prices.input_mtok: a price is")
                .contains("sigil prices: invalid price file (1 problem in the price files above)");
        Files.delete(home.resolve(".sigil/prices.yaml"));
        Path named = home.resolve("missing.yaml");
        assertThat(run("prices", "--prices", named.toString()).err()).contains(named + ": no such file");
        assertThat(run("prices", "--explain", home.resolve("nope.jsonl").toString()).err()).contains("nope.jsonl: no such file");
    }

    @Test
    void aNamedFileWinsOverTheHomeFile() throws IOException {
        homeFile("providers: {mycorp: {models: {m: {prices: {input_mtok: 1, output_mtok: 2}}}}}\n");
        Path named = home.resolve("team.yaml");
        Files.writeString(named, "providers: {mycorp: {models: {m: {prices: {input_mtok: 3, output_mtok: 4}}}}}\n", StandardCharsets.UTF_8);
        CliRun r = run("prices", "--prices", named.toString(), "mycorp:m");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("source    " + named + ":1 (an override)").contains("input_mtok 3 per");
    }
}
