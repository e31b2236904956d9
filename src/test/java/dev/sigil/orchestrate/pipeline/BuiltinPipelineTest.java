package dev.sigil.orchestrate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.sigil.contract.model.Component;

/** The built-in pipeline of docs/orchestrate.md: its fixed steps, and the plan's steps made from the planning output. */
class BuiltinPipelineTest {

    @Test
    void theFixedStepsAreThePhasesOfSeed002WithTheContractsComponents() {
        assertThat(BuiltinPipeline.head()).extracting(StepDefinition::id, StepDefinition::component).containsExactly(
                org.assertj.core.groups.Tuple.tuple("route_request", Component.ROUTING),
                org.assertj.core.groups.Tuple.tuple("create_plan", Component.PLANNING),
                org.assertj.core.groups.Tuple.tuple("retrieve_context", Component.MEMORY));
        List<StepDefinition> tail = BuiltinPipeline.tail("last_step");
        assertThat(tail).extracting(StepDefinition::id).containsExactly("validate_output", "verify_output", "extract_memories");
        assertThat(tail).extracting(StepDefinition::component).containsExactly(Component.CONTRACTS, Component.VALIDATION, Component.MEMORY);
        assertThat(tail.get(0).dependsOn()).containsExactly("last_step");
        assertThat(tail.get(1).dependsOn()).containsExactly("last_step", "validate_output");
        assertThat(BuiltinPipeline.head()).allSatisfy(s -> assertThat(s.builtin()).isTrue());
    }

    @Test
    void aPlanBecomesReasoningStepsWithTheirStrategiesDependenciesAndTools() {
        List<StepDefinition> steps = BuiltinPipeline.planSteps("""
                {"steps": [
                  {"name": "research_company", "description": "Find the company", "strategy": "react", "depends_on": [], "tools": ["websearch"]},
                  {"name": "assess_budget", "description": "Budget", "strategy": "chain_of_thought", "depends_on": ["research_company"]},
                  {"name": "recommend", "depends_on": ["research_company", "assess_budget", "later_step", "unknown"], "strategy": ""},
                  {"name": "later_step"}
                ]}
                """);
        assertThat(steps).extracting(StepDefinition::id).containsExactly("research_company", "assess_budget", "recommend", "later_step");
        assertThat(steps).allSatisfy(s -> assertThat(s.component()).isEqualTo(Component.REASONING));
        assertThat(steps).extracting(StepDefinition::operation).containsExactly("react", "chain_of_thought", "direct", "direct");
        assertThat(steps.get(0).tools()).containsExactly("websearch");
        assertThat(steps.get(0).description()).isEqualTo("Find the company");
        assertThat(steps.get(0).dependsOn()).as("every plan step gets the retrieved memories").containsExactly("retrieve_context");
        assertThat(steps.get(1).dependsOn()).containsExactly("retrieve_context", "research_company");
        assertThat(steps.get(2).dependsOn()).as("only earlier plan steps are kept").containsExactly("retrieve_context",
                "research_company", "assess_budget");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"steps\": [{\"name\": \"Research\"}]}",
        "{\"steps\": [{\"name\": \"\"}]}",
        "{\"steps\": [{\"description\": \"no name\"}]}",
        "{\"steps\": [{\"name\": \"9lives\"}]}",
        "{\"steps\": [{\"name\": \"has space\"}]}",
        "{\"steps\": [{\"name\": \"twice\"}, {\"name\": \"twice\"}]}",
        "{\"steps\": [{\"name\": \"validate_output\"}]}",
        "{\"steps\": [{\"name\": \"create_plan\"}]}",
        "{\"steps\": [{\"name\": 42}]}",
    })
    void invalidOrRepeatedNamesAreRefused(String plan) {
        assertThatThrownBy(() -> BuiltinPipeline.planSteps(plan)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the plan has an invalid or repeated step name");
    }

    @Test
    void aPlanThatIsNotJsonOrHasNoStepsIsRefused() {
        assertThatThrownBy(() -> BuiltinPipeline.planSteps("1. research\n2. decide")).hasMessageStartingWith("the plan is not JSON");
        assertThatThrownBy(() -> BuiltinPipeline.planSteps("{\"steps\": []}")).hasMessage("the plan has no steps");
        assertThatThrownBy(() -> BuiltinPipeline.planSteps("{\"plan\": [1]}")).hasMessage("the plan has no steps");
        assertThatThrownBy(() -> BuiltinPipeline.planSteps("[1, 2]")).hasMessage("the plan has no steps");
    }
}
