package dev.sigil.orchestrate.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sigil.orchestrate.pipeline.BuiltinPipeline;
import dev.sigil.orchestrate.pipeline.StepDefinition;
import dev.sigil.tokens.TokenCounter;
import dev.sigil.tokens.TokenEncoding;

/**
 * The built-in executor: the same task, seed, step and attempt always give the same text and the same counts; another
 * seed gives other text; tokens are the prompt's plus the answer's; the pace is 400 ms plus 3.5 ms per output token
 * times the speed.
 */
class OfflineExecutorTest {

    private static final TokenCounter COUNTER = TokenCounter.of(TokenEncoding.CL100K_BASE);
    private static final String TASK = "Qualify this lead: John Smith, CEO at Acme Corp";

    /** Runs every step of the built-in pipeline once (plan included), in order, and returns the results. */
    private static List<StepResult> pipeline(long seed, String task) throws Exception {
        OfflineExecutor executor = new OfflineExecutor(seed, 0, COUNTER::count, ms -> { });
        List<StepResult> results = new ArrayList<>();
        List<StepDefinition> steps = new ArrayList<>(BuiltinPipeline.head());
        for (int i = 0; i < steps.size(); i++) {
            StepResult r = executor.execute(new StepRequest("s", task, steps.get(i), 1, Map.of(), ""), StepProgress.NONE);
            results.add(r);
            if (steps.get(i).id().equals(BuiltinPipeline.PLAN)) {
                List<StepDefinition> plan = BuiltinPipeline.planSteps(r.output());
                steps.addAll(plan);
                steps.addAll(BuiltinPipeline.tail(plan.get(plan.size() - 1).id()));
            }
        }
        return results;
    }

    @Test
    void theSameTaskAndSeedGiveTheSameTextAndTokens() throws Exception {
        List<StepResult> a = pipeline(7, TASK);
        List<StepResult> b = pipeline(7, TASK);
        assertThat(a).hasSizeBetween(3 + 3 + 3, 3 + 6 + 3);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void anotherSeedOrTaskGivesOtherText() throws Exception {
        List<StepResult> zero = pipeline(0, TASK);
        assertThat(pipeline(1, TASK)).isNotEqualTo(zero);
        assertThat(pipeline(0, TASK + ".")).isNotEqualTo(zero);
        OfflineText zeroText = new OfflineText(0);
        StepDefinition reasoning = BuiltinPipeline.planSteps("{\"steps\": [{\"name\": \"think\", \"strategy\": \"chain_of_thought\"}]}").get(0);
        String first = zeroText.reasoning(TASK, reasoning.operation(), zeroText.random(TASK, "think", 1));
        assertThat(zeroText.reasoning(TASK, reasoning.operation(), zeroText.random(TASK, "think", 1))).isEqualTo(first);
        assertThat(zeroText.reasoning(TASK, reasoning.operation(), zeroText.random(TASK, "think", 2))).as("another attempt").isNotEqualTo(first);
        OfflineText oneText = new OfflineText(1);
        assertThat(oneText.reasoning(TASK, reasoning.operation(), oneText.random(TASK, "think", 1))).as("another seed").isNotEqualTo(first);
    }

    @Test
    void tokensAreThePromptsPlusTheAnswers() throws Exception {
        OfflineExecutor executor = new OfflineExecutor(3, 0, COUNTER::count, ms -> { });
        for (StepDefinition step : BuiltinPipeline.head()) {
            StepRequest request = new StepRequest("s", TASK, step, 1, Map.of("earlier", "some earlier output"), "fix this");
            StepResult r = executor.execute(request, StepProgress.NONE);
            String prompt = new OfflineText(3).prompt(request);
            assertThat(prompt).contains(TASK, "some earlier output", "fix this");
            assertThat(r.inputTokens()).isEqualTo(COUNTER.count(prompt));
            assertThat(r.outputTokens()).isEqualTo(COUNTER.count(r.output()));
            assertThat(r.tokens()).isEqualTo(r.inputTokens() + r.outputTokens());
        }
    }

    @Test
    void itTakesFourHundredMillisecondsPlusThreeAndAHalfPerOutputTokenTimesTheSpeed() throws Exception {
        StepDefinition tree = BuiltinPipeline.planSteps("{\"steps\": [{\"name\": \"explore\", \"strategy\": \"tree_of_thoughts\", "
                + "\"tools\": [\"websearch\"]}]}").get(0);
        for (double speed : new double[] {1, 0.5, 0.3, 0}) {
            List<Long> waits = new ArrayList<>();
            List<String> reports = new ArrayList<>();
            OfflineExecutor executor = new OfflineExecutor(0, speed, COUNTER::count, waits::add);
            StepResult r = executor.execute(new StepRequest("s", TASK, tree, 1, Map.of(), ""), (m, d) -> reports.add(m));
            long expected = Math.round((400 + r.outputTokens() * 3.5) * speed);
            assertThat(waits.stream().mapToLong(Long::longValue).sum()).as("speed %s", speed).isEqualTo(expected);
            assertThat(waits).allSatisfy(w -> assertThat(w).isNotNegative());
            int branches = r.metadata().get("branches_explored").intValue();
            assertThat(branches).isBetween(2, 4);
            assertThat(reports).hasSize(branches + 1).last().isEqualTo("Called tool websearch");
        }
        assertThatThrownBy(() -> new OfflineExecutor(0, -1, COUNTER::count, ms -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OfflineExecutor(0, Double.NaN, COUNTER::count, ms -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aboutOneFirstContractCheckInThreeFailsAndARetryWithFeedbackAlwaysPasses() throws Exception {
        StepDefinition check = BuiltinPipeline.tail("x").get(0);
        OfflineExecutor executor = new OfflineExecutor(0, 0, COUNTER::count, ms -> { });
        int failed = 0;
        int runs = 300;
        for (int i = 0; i < runs; i++) {
            String task = "task number " + i;
            StepResult first = executor.execute(new StepRequest("s", task, check, 1, Map.of(), ""), StepProgress.NONE);
            if (!first.metadata().get("validation_passed").booleanValue()) {
                failed++;
                assertThat(first.metadata().get("feedback").stringValue()).startsWith("Missing deliverable");
                StepResult again = executor.execute(new StepRequest("s", task, check, 1, Map.of(), first.metadata().get("feedback")
                        .stringValue()), StepProgress.NONE);
                assertThat(again.metadata().get("validation_passed").booleanValue()).isTrue();
            }
        }
        assertThat(failed).isBetween(runs / 5, runs / 2);
    }

    @Test
    void thePlanningOutputIsAPlanOfThreeToSixSteps() throws Exception {
        StepDefinition plan = BuiltinPipeline.head().get(1);
        OfflineExecutor executor = new OfflineExecutor(0, 0, COUNTER::count, ms -> { });
        for (int seed = 0; seed < 50; seed++) {
            StepResult r = executor.execute(new StepRequest("s", "task " + seed, plan, 1, Map.of(), ""), StepProgress.NONE);
            List<StepDefinition> steps = BuiltinPipeline.planSteps(r.output());
            assertThat(steps).hasSizeBetween(3, 6);
            assertThat(r.metadata().get("step_count").intValue()).isEqualTo(steps.size());
            assertThat(steps.get(steps.size() - 1).operation()).isEqualTo("direct");
        }
    }
}
