package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.orchestrate.SessionAudit;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code sigil orchestrate} spends, seen from outside: usage records on every model call, tokens.json's cost
 * equal to what {@code sigil report} finds in the same log, the call tree rooted in the run, and the dollar budget
 * with its warning levels and its hard stop (from the flag, the environment and the configuration file).
 */
class OrchestrateCostTest {

    private static final JsonMapper DECIMALS = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @TempDir
    Path home;

    private CliRun sigil(Map<String, String> variables, String... args) {
        Map<String, String> env = new HashMap<>(variables);
        env.put("HOME", home.toString());
        return CliRun.run(env, args);
    }

    private CliRun orchestrate(Map<String, String> variables, String session, String... more) {
        return orchestrateTask(variables, session, "Qualify this lead: Ada Lovelace, CTO at Analytical Engines", more);
    }

    private CliRun orchestrateTask(Map<String, String> variables, String session, String task, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of("orchestrate", "--log-path", home.resolve("logs").toString(), "--session", session,
                "--speed", "0"));
        all.addAll(List.of(more));
        all.add(task);
        return sigil(variables, all.toArray(String[]::new));
    }

    private Path session(String id) {
        return home.resolve("logs/sessions").resolve(id);
    }

    private SessionAudit audited(String id) throws IOException {
        SessionAudit audit = SessionAudit.of(session(id));
        assertThat(audit.findings()).as("audit of %s", id).isEmpty();
        return audit;
    }

    @Test
    void everyModelCallHasAUsageRecordAndTokensJsonCostsWhatTheReportFinds() throws IOException {
        // A task with the notes of a discovery call: long enough (about 1,500 tokens) for Anthropic's cache on Sonnet 4.5
        // (1,024 tokens at least), too short for it on Haiku 4.5 and Opus 4.5 (4,096).
        String notes = " Notes from the discovery call: the team runs nightly batch jobs on a mainframe, wants to move the"
                + " ledger reconciliation to the cloud within two quarters, and asked for references in banking.";
        CliRun run = orchestrateTask(Map.of(), "cost-1", "Qualify this lead: Ada Lovelace, CTO at Analytical Engines." + notes.repeat(40),
                "--output", home.resolve("result.json").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        SessionAudit audit = audited("cost-1");
        List<JsonNode> steps = audit.events("step_complete");
        assertThat(steps).allSatisfy(s -> assertThat(s.get("metadata").get("tokens_used").get("model").stringValue()).contains(":"));
        assertThat(steps).anySatisfy(s -> assertThat(s.get("metadata").get("tokens_used").path("cache_read_tokens").asLong(0)).isPositive());
        assertThat(steps).filteredOn(s -> s.get("metadata").get("tokens_used").get("model").stringValue().matches("anthropic:claude-(haiku|opus)-4-5-.*"))
                .isNotEmpty().allSatisfy(s -> {
                    JsonNode usage = s.get("metadata").get("tokens_used");
                    assertThat(usage.get("input_tokens").asLong()).isLessThan(4096);
                    assertThat(usage.path("cache_read_tokens").asLong(0) + usage.path("cache_write_tokens").asLong(0)).isZero();
                });
        assertThat(steps.stream().map(s -> s.get("metadata").get("tokens_used").get("model").stringValue()).distinct().count()).isGreaterThan(2);
        JsonNode tokens = DECIMALS.readTree(Files.readString(session("cost-1").resolve("tokens.json")));
        JsonNode report = DECIMALS.readTree(sigil(Map.of(), "report", "--format", "json", session("cost-1").toString()).out());
        JsonNode total = report.get(report.size() - 1).get("total");
        assertThat(tokens.get("cost_usd").decimalValue())
                .isEqualByComparingTo(total.get("cost_usd").decimalValue().setScale(10, RoundingMode.HALF_EVEN));
        assertThat(total.get("total_tokens").longValue()).isEqualTo(tokens.get("total_used").longValue());
        assertThat(run.out()).contains("Final Cost: $");
        JsonNode result = DECIMALS.readTree(Files.readString(home.resolve("result.json")));
        assertThat(result.get("cost_usd").decimalValue()).isEqualByComparingTo(tokens.get("cost_usd").decimalValue());
        assertThat(result.get("unpriced_tokens").longValue()).isZero();
        assertThat(result.get("budget_usd").isNull()).isTrue();
    }

    @Test
    void theCallTreeHangsFromTheRunThroughItsPhasesToItsSteps() {
        assertThat(orchestrate(Map.of(), "tree-1").exitCode()).isZero();
        JsonNode tree = new PythonJsonReader().read(sigil(Map.of(), "report", "--by", "tree", "--format", "json", session("tree-1").toString()).out());
        assertThat(tree.get(0).get("tree").stringValue()).isEqualTo("tree-1");
        JsonNode run = tree.get(1);
        assertThat(run.get("tree").stringValue()).isEqualTo("run-1");
        assertThat(run.get("total_tokens").longValue()).isEqualTo(tree.get(0).get("total_tokens").longValue());
        List<String> phases = new java.util.ArrayList<>();
        for (JsonNode n : tree) {
            if (n.path("depth").asInt() == 2) {
                phases.add(n.get("label").stringValue());
            }
        }
        assertThat(phases).startsWith("routing", "planning", "memory_retrieval", "plan_execution").contains("contract_validation",
                "output_verification", "memory_extraction");
        boolean costliest = false;
        for (JsonNode n : tree) {
            costliest |= n.path("depth").asInt() == 3 && n.get("costliest").booleanValue();
        }
        assertThat(costliest).as("a step is on the most expensive branch").isTrue();
    }

    @Test
    void aDollarBudgetWarnsAtItsLevelsAndStopsTheRunBeforeTheNextStep() throws IOException {
        // $0.02: the plan (Claude Opus 4.5) takes the run past half of it, a later step past the whole
        CliRun run = orchestrate(Map.of(), "usd-1", "--budget-usd", "0.02");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.BUDGET_EXHAUSTED);
        assertThat(run.out()).contains("EXECUTION STOPPED: COST BUDGET EXHAUSTED").contains("Final Cost: $").contains(" / $0.02\n")
                .contains("Error TOKEN_002: Raise the dollar budget (--budget-usd or token_budget.usd)");
        assertThat(run.err()).contains("cost budget elevated").contains("cost budget exceeded");
        SessionAudit audit = audited("usd-1");
        JsonNode exceeded = audit.events("budget_exceeded").get(0);
        assertThat(exceeded.get("metadata").get("budget_usd").doubleValue()).isEqualTo(0.02);
        assertThat(exceeded.get("metadata").get("cost_usd").doubleValue()).isGreaterThanOrEqualTo(0.019);
        assertThat(audit.events("session_start").get(0).get("metadata").get("budget_usd").doubleValue()).isEqualTo(0.02);
        assertThat(audit.last().get("metadata").get("error").stringValue()).startsWith("cost budget exhausted");
        // the step that crossed the line finished: the last step_start has its step_complete
        List<String> types = audit.eventTypes();
        assertThat(types.lastIndexOf("step_complete")).isGreaterThan(types.lastIndexOf("step_start"));
        JsonNode tokens = DECIMALS.readTree(Files.readString(session("usd-1").resolve("tokens.json")));
        assertThat(tokens.get("budget_usd").decimalValue()).isEqualByComparingTo("0.02");
        assertThat(tokens.get("cost_usd").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("0.019"));
    }

    @Test
    void withoutAlertsTheStopStillSaysSoAndTheBudgetComesFromTheEnvironmentOrTheFile() throws IOException {
        CliRun quiet = orchestrate(Map.of("SIGIL_ENABLE_BUDGET_ALERTS", "false", "SIGIL_BUDGET_USD", "0.01"), "usd-2");
        assertThat(quiet.exitCode()).isEqualTo(ExitCode.BUDGET_EXHAUSTED);
        SessionAudit audit = audited("usd-2");
        assertThat(audit.events("budget_warning")).isEmpty();
        assertThat(audit.events("budget_exceeded")).hasSize(1);
        Files.createDirectories(home.resolve(".sigil"));
        Files.writeString(home.resolve(".sigil/config.yaml"), "token_budget:\n  usd: 0.01\n");
        assertThat(orchestrate(Map.of(), "usd-3").exitCode()).isEqualTo(ExitCode.BUDGET_EXHAUSTED);
        Files.writeString(home.resolve(".sigil/config.yaml"), "token_budget:\n  usd: -3\n");
        CliRun bad = orchestrate(Map.of(), "usd-4");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("token_budget.usd").contains("US dollars, a number above 0");
        assertThat(orchestrate(Map.of(), "usd-5", "--budget-usd", "lots").err()).contains("--budget-usd");
    }

    @Test
    void aRunStoppedByItsDollarBudgetResumesWithALargerOneAndCountsEveryDollarOnce() throws IOException {
        assertThat(orchestrate(Map.of(), "usd-6", "--budget-usd", "0.01").exitCode()).isEqualTo(ExitCode.BUDGET_EXHAUSTED);
        CliRun resumed = sigil(Map.of(), "orchestrate", "--log-path", home.resolve("logs").toString(), "--session", "usd-6", "--speed", "0",
                "--resume", "--budget-usd", "5");
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        audited("usd-6"); // tokens.json sums both runs, as the log does
        JsonNode tree = new PythonJsonReader().read(sigil(Map.of(), "report", "--by", "tree", "--format", "json", session("usd-6").toString()).out());
        List<String> runs = new java.util.ArrayList<>();
        tree.forEach(n -> {
            if (n.path("depth").asInt() == 1) {
                runs.add(n.get("tree").stringValue());
            }
        });
        assertThat(runs).containsExactly("run-1", "run-2");
    }
}
