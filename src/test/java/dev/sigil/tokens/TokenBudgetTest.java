package dev.sigil.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.model.Component;

class TokenBudgetTest {

    private final TokenBudget budget = new TokenBudget(BudgetPlan.defaults());

    @Test
    void theSeedPlan() {
        BudgetPlan plan = BudgetPlan.defaults();
        assertThat(plan.total()).isEqualTo(256_000);
        assertThat(plan.reserve()).isEqualTo(26_000);
        assertThat(plan.thresholds()).isEqualTo(new Thresholds(0.5, 0.8, 0.95));
    }

    @Test
    void levelsStartExactlyAtTheirThresholds() {
        long[] b = Thresholds.DEFAULT.boundaries(256_000);
        assertThat(b).containsExactly(128_000, 204_800, 243_200);
        assertThat(Thresholds.levelOf(127_999, b)).isEqualTo(WarningLevel.NORMAL);
        assertThat(Thresholds.levelOf(128_000, b)).isEqualTo(WarningLevel.ELEVATED);
        assertThat(Thresholds.levelOf(204_799, b)).isEqualTo(WarningLevel.ELEVATED);
        assertThat(Thresholds.levelOf(204_800, b)).isEqualTo(WarningLevel.CRITICAL);
        assertThat(Thresholds.levelOf(243_199, b)).isEqualTo(WarningLevel.CRITICAL);
        assertThat(Thresholds.levelOf(243_200, b)).isEqualTo(WarningLevel.EXCEEDED);
        // a threshold that is not a whole number of tokens rounds up: 95 % of 1001 is 950.95
        assertThat(Thresholds.DEFAULT.boundaries(1001)[2]).isEqualTo(951);
    }

    @Test
    void thresholdsMustRiseWithinOne() {
        assertThatThrownBy(() -> new Thresholds(0.8, 0.8, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(0.5, 0.8, 1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(0, 0.8, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Thresholds(0.1, 0.2, 1.0).boundaries(10)).containsExactly(1, 2, 10);
    }

    @Test
    void aFinishedStepIsRecordedEvenPastTheTotalAndTheNextDoesNotStart() {
        budget.record(Component.REASONING, 240_000);
        assertThat(budget.canContinue()).isTrue();
        Consumption last = budget.record(Component.REASONING, 30_000);
        assertThat(last.totalUsed()).isEqualTo(270_000);
        assertThat(last.pastTotal()).isTrue();
        assertThat(last.remaining()).isZero();
        assertThat(last.levelChange()).contains(WarningLevel.EXCEEDED);
        assertThat(budget.used()).isEqualTo(270_000);
        assertThat(budget.remaining()).isZero();
        assertThat(budget.canContinue()).isFalse();
    }

    @Test
    void componentAllocationsAreSoftLimitsCrossedOnce() {
        assertThat(budget.record(Component.ROUTING, 10_000).crossedAllocation()).isFalse();
        Consumption over = budget.record(Component.ROUTING, 1);
        assertThat(over.crossedAllocation()).isTrue();
        assertThat(over.componentUsed()).isEqualTo(10_001);
        assertThat(over.componentAllocated()).isEqualTo(10_000);
        assertThat(budget.record(Component.ROUTING, 5).crossedAllocation()).isFalse();
        assertThat(budget.record(Component.ORCHESTRATOR, 500).crossedAllocation()).isFalse();
        assertThat(budget.canContinue()).isTrue();
    }

    @Test
    void negativeTokensAreRefused() {
        assertThatThrownBy(() -> budget.record(Component.MEMORY, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> budget.forecast(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BudgetPlan(0, Map.of(), Thresholds.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusListsAllocatedComponentsThenOthersThatWorked() {
        budget.record(Component.ROUTING, 50);
        budget.record(Component.MEMORY, 150);
        budget.record(Component.PLANNING, 0);
        budget.record(Component.REASONING, 450);
        budget.record(Component.ORCHESTRATOR, 10);
        BudgetStatus s = budget.status();
        assertThat(s.used()).isEqualTo(660);
        assertThat(s.remaining()).isEqualTo(255_340);
        assertThat(s.level()).isEqualTo(WarningLevel.NORMAL);
        assertThat(s.operations()).isEqualTo(5);
        assertThat(s.components()).extracting(ComponentStatus::component).containsExactly(Component.ROUTING,
                Component.MEMORY, Component.PLANNING, Component.REASONING, Component.CONTRACTS, Component.VALIDATION,
                Component.ORCHESTRATOR);
        ComponentStatus routing = s.components().get(0);
        assertThat(routing).isEqualTo(new ComponentStatus(Component.ROUTING, 10_000, 50, 1));
        assertThat(routing.utilization()).isEqualTo(50.0 / 10_000 * 100);
        assertThat(routing.remaining()).isEqualTo(9_950);
        assertThat(s.components().get(6).utilization()).isZero();
        assertThat(s.utilization()).isEqualTo(660.0 / 256_000 * 100);
        assertThat(budget.component(Component.PLANNING).operations()).isEqualTo(1);
    }

    @Test
    void forecastFromTheMeanOfEveryOperation() {
        assertThat(budget.forecast(10)).isEqualTo(new Forecast(10, 0.0, 0, 256_000, false, WarningLevel.NORMAL));
        budget.record(Component.ROUTING, 50);
        budget.record(Component.PLANNING, 0);
        budget.record(Component.ORCHESTRATOR, 100);
        Forecast f = budget.forecast(4);
        assertThat(f.averagePerOperation()).isEqualTo(50.0);
        assertThat(f.forecastTotal()).isEqualTo(350);
        assertThat(f.forecastRemaining()).isEqualTo(255_650);
        assertThat(f.willExceed()).isFalse();
        Forecast far = budget.forecast(6_000);
        assertThat(far.forecastTotal()).isEqualTo(150 + 300_000);
        assertThat(far.willExceed()).isTrue();
        assertThat(far.forecastRemaining()).isZero();
        assertThat(far.forecastLevel()).isEqualTo(WarningLevel.EXCEEDED);
    }
}
