package dev.sigil.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class NearestTest {

    private static final List<String> COMMANDS = List.of("validate", "fmt", "tokens", "config", "tail", "monitor", "logs",
            "orchestrate", "generate-completion");

    @Test
    void aMistypedCommandFindsItsNeighbourNotALongNameThatSharesLetters() {
        assertThat(Nearest.to("valdate", COMMANDS)).containsExactly("validate");
        assertThat(Nearest.to("monitr", COMMANDS)).containsExactly("monitor");
        assertThat(Nearest.to("tial", COMMANDS)).containsExactly("tail"); // two letters swapped: one edit
        assertThat(Nearest.to("orch", COMMANDS)).containsExactly("orchestrate"); // what was typed starts it
        assertThat(Nearest.to("generate", COMMANDS)).containsExactly("generate-completion");
    }

    @Test
    void nearestFirstCaseIgnoredAtMostThree() {
        List<String> components = List.of("orchestrator", "routing", "memory", "planning", "reasoning", "contracts", "validation",
                "cli", "planner", "router", "tools");
        assertThat(Nearest.to("routng", components)).containsExactly("routing", "router");
        assertThat(Nearest.to("REASONIN", components)).containsExactly("reasoning");
        assertThat(Nearest.to("x", List.of("a", "b", "c", "d"))).hasSize(3);
    }

    @Test
    void nothingNearSaysNothing() {
        assertThat(Nearest.didYouMean("zzzzzz", COMMANDS)).isEmpty();
        assertThat(Nearest.didYouMean("valdate", COMMANDS)).isEqualTo("; did you mean 'validate'?");
        assertThat(Nearest.didYouMean("routng", List.of("routing", "router"))).isEqualTo("; did you mean 'routing' or 'router'?");
        assertThat(Nearest.didYouMean("validate", COMMANDS)).as("the name itself is not a suggestion").isEmpty();
    }

    @Test
    void distanceCountsASwapOfNeighboursAsOneEdit() {
        assertThat(Nearest.distance("tail", "tial")).isEqualTo(1);
        assertThat(Nearest.distance("abc", "abc")).isZero();
        assertThat(Nearest.distance("", "abc")).isEqualTo(3);
        assertThat(Nearest.distance("kitten", "sitting")).isEqualTo(3);
    }
}
