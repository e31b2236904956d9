package dev.sigil.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.ExecutionEntry;
import dev.sigil.contract.validation.SchemaValidator;

class BudgetAlertsTest {

    private final List<BudgetAlert> seen = new ArrayList<>();
    private final TokenTracker tracker = new TokenTracker(BudgetPlan.defaults(), List.of(seen::add));

    @Test
    void alertsOnLevelChangesOnlyNotOnEveryConsumption() {
        for (int i = 0; i < 300; i++) {
            tracker.track(Component.REASONING, 1_000);
        }
        assertThat(seen).filteredOn(a -> a.kind() == BudgetAlert.Kind.LEVEL_CHANGED)
                .extracting(BudgetAlert::previous, BudgetAlert::level)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(WarningLevel.NORMAL, WarningLevel.ELEVATED),
                        org.assertj.core.groups.Tuple.tuple(WarningLevel.ELEVATED, WarningLevel.CRITICAL),
                        org.assertj.core.groups.Tuple.tuple(WarningLevel.CRITICAL, WarningLevel.EXCEEDED));
        assertThat(seen).filteredOn(a -> a.kind() == BudgetAlert.Kind.COMPONENT_OVER_ALLOCATION).hasSize(1);
        assertThat(tracker.history()).extracting(AlertRecord::sequence).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void oneConsumptionMayJumpLevels() {
        tracker.track(Component.ORCHESTRATOR, 250_000);
        assertThat(seen).singleElement().satisfies(a -> {
            assertThat(a.previous()).isEqualTo(WarningLevel.NORMAL);
            assertThat(a.level()).isEqualTo(WarningLevel.EXCEEDED);
        });
    }

    @Test
    void theConsoleGetsOneLinePerAlert() {
        StringWriter text = new StringWriter();
        TokenTracker t = new TokenTracker(BudgetPlan.defaults(), List.of(new ConsoleAlertHandler(new PrintWriter(text), "sigil orchestrate: ")));
        t.track(Component.REASONING, 128_000);
        t.track(Component.REASONING, 22_001);
        t.track(Component.REASONING, 100_000);
        assertThat(text.toString().lines()).containsExactly(
                "sigil orchestrate: warning: token budget elevated: 128,000 of 256,000 tokens used (50.0%)",
                "sigil orchestrate: warning: reasoning used 150,001 tokens, over its allocation of 150,000 (a soft limit;"
                        + " the session has 150,001 of 256,000 tokens used (58.6%))",
                "sigil orchestrate: error: token budget exceeded: 250,001 of 256,000 tokens used (97.7%) (no further step will start)");
    }

    @Test
    void theLogGetsBudgetEntriesThatTheContractAccepts() {
        List<BudgetLogEntry> log = new ArrayList<>();
        TokenTracker t = new TokenTracker(BudgetPlan.defaults(), List.of(new LogAlertHandler(log::add)));
        t.track(Component.MEMORY, 130_000);
        t.track(Component.REASONING, 120_000);
        assertThat(log).extracting(BudgetLogEntry::eventType, BudgetLogEntry::component).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EventType.BUDGET_WARNING, Component.ORCHESTRATOR),
                org.assertj.core.groups.Tuple.tuple(EventType.BUDGET_WARNING, Component.MEMORY),
                org.assertj.core.groups.Tuple.tuple(EventType.BUDGET_EXCEEDED, Component.ORCHESTRATOR));
        assertThat(log.get(0).metadata().warningLevel()).contains("elevated");
        assertThat(log.get(0).metadata().totalUsed()).hasValue(130_000);
        assertThat(log.get(0).metadata().budgetRemaining()).hasValue(126_000);
        assertThat(log.get(1).metadata().componentUsed()).hasValue(130_000);
        assertThat(log.get(2).metadata().warningLevel()).contains("exceeded");
        SchemaValidator schema = SchemaValidator.executionEntry();
        for (BudgetLogEntry e : log) {
            ExecutionEntry entry = new ExecutionEntry("2026-01-11T10:15:32.123456", "test-1", e.eventType(), e.component(),
                    e.message(), 0, e.metadata());
            assertThat(schema.validate(entry.toJsonNode())).as(e.message()).isEmpty();
        }
    }

    @Test
    void aFailingHandlerDoesNotStopTheOthersAndIsRemembered() {
        List<BudgetAlert> after = new ArrayList<>();
        TokenTracker t = new TokenTracker(BudgetPlan.defaults(), List.of(a -> {
            throw new IllegalStateException("disk full");
        }, after::add));
        t.track(Component.ROUTING, 200_000);
        assertThat(after).hasSize(2);
        assertThat(t.history()).allSatisfy(r -> assertThat(r.failures()).singleElement().asString().contains("disk full"));
    }

    @Test
    void statusAsJsonInTheSeedsShape() {
        tracker.track(Component.ROUTING, 50);
        tracker.track(Component.MEMORY, 150);
        tracker.track(Component.REASONING, 450);
        var status = BudgetStatusJson.status(tracker.status());
        assertThat(status.get("utilization").doubleValue()).isEqualTo(650.0 / 256_000 * 100);
        assertThat(status.get("warning_level").stringValue()).isEqualTo("normal");
        assertThat(status.get("components").get("routing").get("operations").longValue()).isEqualTo(1);
        // the seed's tokens.json example: 650 of 256,000 is 0.25 %, reasoning's 450 of 150,000 is 0.3 %
        assertThat(BudgetStatusJson.round2(tracker.status().utilization())).isEqualTo(0.25);
        assertThat(BudgetStatusJson.round2(tracker.status().components().get(3).utilization())).isEqualTo(0.3);
    }

    @Test
    void roundingIsPythonsRoundOfTheExactBinaryValue() {
        // 0.125 is exact in binary: a true tie, rounded to even; 2.675 is 2.67499999... in binary
        assertThat(BudgetStatusJson.round2(0.125)).isEqualTo(0.12);
        assertThat(BudgetStatusJson.round2(0.375)).isEqualTo(0.38);
        assertThat(BudgetStatusJson.round2(2.675)).isEqualTo(2.67);
        assertThat(BudgetStatusJson.round2(0.25390625)).isEqualTo(0.25);
    }
}
