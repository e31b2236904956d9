package dev.sigil.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.model.Component;
import dev.sigil.tokens.BudgetPlan;
import dev.sigil.tokens.TokenBudget;
import tools.jackson.databind.JsonNode;

/**
 * metrics.json and tokens.json from known steps: the five steps of seed 001's example log (§7.2.1) must give the
 * numbers and the shape of its metrics.json and tokens.json examples (§7.2.2, §7.2.3).
 */
class SessionTallyTest {

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.propertyNames().forEach(keys::add);
        return keys;
    }

    @Test
    void theSeedsExampleStepsGiveTheSeedsMetrics() {
        SessionTally tally = new SessionTally();
        tally.completed(Component.ROUTING, 50, 1100);
        tally.completed(Component.MEMORY, 150, 1200);
        tally.completed(Component.PLANNING, 0, 50);
        tally.completed(Component.REASONING, 450, 2100);
        tally.completed(Component.VALIDATION, 0, 100);

        JsonNode m = tally.metrics("test-1", "2026-01-11T10:15:38.789012", 5.1).toJsonNode();
        assertThat(keys(m)).containsExactly("session_id", "timestamp", "duration_seconds", "steps_completed", "steps_failed",
                "components", "slowest_component", "fastest_component", "average_latency_ms");
        assertThat(m.get("duration_seconds").doubleValue()).isEqualTo(5.1);
        assertThat(m.get("steps_completed").longValue()).isEqualTo(5);
        assertThat(m.get("steps_failed").longValue()).isZero();
        assertThat(keys(m.get("components"))).containsExactly("routing", "memory", "planning", "reasoning", "validation");
        assertThat(keys(m.get("components").get("routing"))).containsExactly("latency_ms", "operations", "errors");
        assertThat(m.get("components").get("reasoning").get("latency_ms").doubleValue()).isEqualTo(2100);
        assertThat(m.get("components").get("planning").get("operations").longValue()).isEqualTo(1);
        assertThat(m.get("slowest_component").stringValue()).isEqualTo("reasoning");
        assertThat(m.get("fastest_component").stringValue()).isEqualTo("planning");
        assertThat(m.get("average_latency_ms").doubleValue()).isEqualTo(910);
        assertThat(tally.tokens()).isEqualTo(650);
    }

    @Test
    void failuresAndRepeatedComponentsAreCounted() {
        SessionTally tally = new SessionTally();
        tally.completed(Component.REASONING, 100, 10.5);
        tally.completed(Component.REASONING, 200, 20.25);
        tally.failed(Component.REASONING, 5);
        tally.failed(Component.CONTRACTS, 1);
        tally.spent(1000);
        tally.resumed(Component.ROUTING, 3);

        JsonNode m = tally.metrics("s", "t", 1.23456).toJsonNode();
        assertThat(m.get("steps_completed").longValue()).isEqualTo(3);
        assertThat(m.get("steps_failed").longValue()).isEqualTo(2);
        JsonNode reasoning = m.get("components").get("reasoning");
        assertThat(reasoning.get("latency_ms").doubleValue()).isEqualTo(35.75);
        assertThat(reasoning.get("operations").longValue()).isEqualTo(3);
        assertThat(reasoning.get("errors").longValue()).isEqualTo(1);
        assertThat(keys(m.get("components"))).as("contract order").containsExactly("routing", "reasoning", "contracts");
        assertThat(m.get("duration_seconds").doubleValue()).isEqualTo(1.235);
        assertThat(m.get("average_latency_ms").doubleValue()).isEqualTo(Math.round((35.75 + 1 + 3) / 3 * 1000) / 1000.0);
        assertThat(tally.tokens()).isEqualTo(1300);
        assertThat(tally.totalLatencyMs()).isEqualTo(39.75);
    }

    @Test
    void aSessionWithoutStepsHasNoSlowestOrFastestComponent() {
        JsonNode m = new SessionTally().metrics("s", "t", 0).toJsonNode();
        assertThat(m.get("slowest_component").isNull()).isTrue();
        assertThat(m.get("fastest_component").isNull()).isTrue();
        assertThat(m.get("average_latency_ms").doubleValue()).isZero();
    }

    @Test
    void theSeedsExampleUsageGivesTheSeedsTokensJson() {
        TokenBudget budget = new TokenBudget(BudgetPlan.defaults());
        budget.record(Component.ROUTING, 50);
        budget.record(Component.MEMORY, 150);
        budget.record(Component.PLANNING, 0);
        budget.record(Component.REASONING, 450);
        budget.record(Component.VALIDATION, 0);

        JsonNode t = SessionTally.tokenSummary("test-1", "2026-01-11T10:15:38.789012", budget.status()).toJsonNode();
        assertThat(keys(t)).containsExactly("session_id", "timestamp", "total_budget", "total_used", "total_remaining",
                "utilization_percentage", "components");
        assertThat(t.get("total_budget").longValue()).isEqualTo(256_000);
        assertThat(t.get("total_used").longValue()).isEqualTo(650);
        assertThat(t.get("total_remaining").longValue()).isEqualTo(255_350);
        assertThat(t.get("utilization_percentage").doubleValue()).isEqualTo(0.25);
        assertThat(keys(t.get("components"))).containsExactly("routing", "memory", "planning", "reasoning", "contracts", "validation");
        assertThat(keys(t.get("components").get("routing"))).containsExactly("allocated", "used", "utilization");
        assertThat(t.get("components").get("routing").get("utilization").doubleValue()).isEqualTo(0.5);
        assertThat(t.get("components").get("memory").get("utilization").doubleValue()).isEqualTo(0.5);
        assertThat(t.get("components").get("reasoning").get("utilization").doubleValue()).isEqualTo(0.3);
        assertThat(t.get("components").get("contracts").get("used").longValue()).isZero();
        assertThat(t.get("components").get("reasoning").get("allocated").longValue()).isEqualTo(150_000);
    }
}
