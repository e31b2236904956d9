package dev.sigil.orchestrate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.sigil.contract.model.Component;

/**
 * Pipeline files: a valid file becomes its steps with the defaults applied; every kind of mistake is refused before
 * anything runs, in one message that names the file and the JSON pointer (or the line, for YAML syntax).
 */
class PipelineLoaderTest {

    @TempDir
    Path dir;

    private final PipelineLoader loader = new PipelineLoader();

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private String refusal(String text) throws IOException {
        Path f = file("p.yaml", text);
        try {
            loader.load(f);
        } catch (PipelineFileException e) {
            assertThat(e.getMessage()).as("names the file").startsWith(f.toString());
            assertThat(e.getMessage()).as("one line").doesNotContain("\n");
            return e.getMessage().substring(f.toString().length());
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void aValidFileGivesItsStepsWithDefaultsAndOverrides() throws IOException {
        Path f = file("lead.yaml", """
                name: lead
                description: Qualify a lead
                defaults:
                  timeout: 1.5s
                  retries: 2
                  retry_delay: 200ms
                  environment: {MODE: test, LEVEL: "1"}
                steps:
                  - id: route
                    component: routing
                    command: [python3, steps/route.py, --fast]
                  - id: research
                    component: reasoning
                    operation: chain_of_thought
                    description: Research the lead
                    depends_on: [route]
                    builtin: true
                    tools: [websearch, crm_lookup]
                    timeout: 2m
                    retries: 0
                    retry_delay: 3s
                    environment: {LEVEL: "2"}
                """);
        PipelineDefinition p = loader.load(f);

        assertThat(p.name()).isEqualTo("lead");
        assertThat(p.description()).isEqualTo("Qualify a lead");
        assertThat(p.baseDirectory()).isEqualTo(dir.toAbsolutePath());
        StepDefinition route = p.steps().get(0);
        assertThat(route).isEqualTo(new StepDefinition("route", Component.ROUTING, "route", "", List.of(),
                List.of("python3", "steps/route.py", "--fast"), Duration.ofMillis(1500), 2, Duration.ofMillis(200),
                Map.of("MODE", "test", "LEVEL", "1"), List.of()));
        StepDefinition research = p.steps().get(1);
        assertThat(research).isEqualTo(new StepDefinition("research", Component.REASONING, "chain_of_thought", "Research the lead",
                List.of("route"), List.of(), Duration.ofMinutes(2), 0, Duration.ofSeconds(3), Map.of("MODE", "test", "LEVEL", "2"),
                List.of("websearch", "crm_lookup")));
        assertThat(research.builtin()).isTrue();
        assertThat(route.builtin()).isFalse();
    }

    @Test
    void withoutDefaultsTheDocumentedOnesApplyAndTheNameIsTheFiles() throws IOException {
        PipelineDefinition p = loader.load(file("bare.json", "{\"steps\": [{\"id\": \"only\", \"component\": \"memory\", \"builtin\": true}]}"));
        assertThat(p.name()).isEqualTo("bare.json");
        StepDefinition s = p.steps().get(0);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.retries()).isEqualTo(3);
        assertThat(s.retryDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.environment()).isEmpty();
    }

    @Test
    void theShippedExampleLoads() {
        PipelineDefinition p = loader.load(Path.of("docs/examples/lead-pipeline.yaml"));
        assertThat(p.steps()).extracting(StepDefinition::id).containsExactly("route", "plan", "recall", "research", "check", "score");
        assertThat(p.steps()).allSatisfy(s -> s.command().stream().skip(1).filter(a -> a.startsWith("steps/"))
                .forEach(script -> assertThat(p.baseDirectory().resolve(script)).exists()));
    }

    @Test
    void aDuplicateIdNamesTheSecond() throws IOException {
        assertThat(refusal("""
                steps:
                  - {id: a, component: routing, builtin: true}
                  - {id: b, component: planning, builtin: true}
                  - {id: a, component: memory, builtin: true}
                """)).isEqualTo(": /steps/2/id: step id 'a' is used twice");
    }

    @Test
    void aDependencyMustBeAnEarlierStep() throws IOException {
        assertThat(refusal("""
                steps:
                  - {id: a, component: routing, builtin: true, depends_on: [b]}
                  - {id: b, component: planning, builtin: true}
                """)).isEqualTo(": /steps/0/depends_on/0: 'b' is not an earlier step (steps run in file order)");
        assertThat(refusal("""
                steps:
                  - {id: a, component: routing, builtin: true}
                  - {id: b, component: planning, builtin: true, depends_on: [a, b]}
                """)).isEqualTo(": /steps/1/depends_on/1: 'b' is not an earlier step (steps run in file order)");
        assertThat(refusal("""
                steps:
                  - {id: a, component: routing, builtin: true, depends_on: [nowhere]}
                """)).contains("/steps/0/depends_on/0", "'nowhere'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "command and builtin together | steps: [{id: a, component: routing, builtin: true, command: [echo]}]                | /steps/0",
        "neither command nor builtin  | steps: [{id: a, component: routing}]                                             | /steps/0",
        "builtin false                | steps: [{id: a, component: routing, builtin: false}]                             | /steps/0",
        "bad duration                 | steps: [{id: a, component: routing, builtin: true, timeout: 10 seconds}]         | /steps/0/timeout",
        "bad default duration         | 'defaults: {retry_delay: 5}\nsteps: [{id: a, component: routing, builtin: true}]' | /defaults/retry_delay",
        "unknown step key             | steps: [{id: a, component: routing, builtin: true, retry: 2}]                    | /steps/0",
        "unknown top-level key        | 'stepz: []\nsteps: [{id: a, component: routing, builtin: true}]'                 | stepz",
        "unknown component            | steps: [{id: a, component: orchestrator, builtin: true}]                         | /steps/0/component",
        "bad id                       | steps: [{id: Route-1, component: routing, builtin: true}]                        | /steps/0/id",
        "too many retries             | steps: [{id: a, component: routing, builtin: true, retries: 11}]                 | /steps/0/retries",
        "empty command                | steps: [{id: a, component: routing, command: []}]                                | /steps/0",
        "no steps                     | 'name: x\nsteps: []'                                                              | /steps",
        "steps missing                | name: x                                                                          | steps",
    })
    void schemaRefusalsNameThePointer(String what, String yaml, String pointer) throws IOException {
        String message = refusal(yaml.replace("\\n", "\n"));
        assertThat(message).as(what).startsWith(": ").contains(pointer);
    }

    @Test
    void theStepsExecutorAndDurationsAreExplainedInWords() throws IOException {
        assertThat(refusal("steps: [{id: a, component: routing, builtin: true, command: [echo]}]"))
                .startsWith(": /steps/0: a step has either command or builtin: true, not both");
        assertThat(refusal("steps: [{id: a, component: routing, builtin: true}, {id: b, component: memory}]"))
                .startsWith(": /steps/1: a step needs command (the program to run) or builtin: true");
        assertThat(refusal("steps: [{id: a, component: routing, builtin: false}]"))
                .startsWith(": /steps/0: a step needs command (the program to run) or builtin: true");
        assertThat(refusal("steps: [{id: a, component: routing, builtin: true, timeout: 10 seconds}]"))
                .isEqualTo(": /steps/0/timeout: '10 seconds' is not a duration (a number and ms, s or m: 500ms, 30s, 2m)");
        assertThat(refusal("defaults: {retry_delay: 1h}\nsteps: [{id: a, component: routing, builtin: true}]"))
                .isEqualTo(": /defaults/retry_delay: '1h' is not a duration (a number and ms, s or m: 500ms, 30s, 2m)");
    }

    @Test
    void anUnknownComponentIsNamedWithTheKnownOnesAndTheNearest() throws IOException {
        assertThat(refusal("steps: [{id: a, component: reasonin, builtin: true}]"))
                .isEqualTo(": /steps/0/component: no step component is called 'reasonin' (known: routing, memory, planning, reasoning, "
                        + "contracts, validation); did you mean 'reasoning'?");
        assertThat(refusal("steps: [{id: a, component: orchestrator, builtin: true}]"))
                .isEqualTo(": /steps/0/component: no step component is called 'orchestrator' (known: routing, memory, planning, reasoning, "
                        + "contracts, validation)");
    }

    @Test
    void aYamlSyntaxErrorNamesTheLine() throws IOException {
        String message = refusal("""
                name: x
                steps:
                  - id: a
                    component: [routing
                  - id: b
                """);
        assertThat(message).matches(":\\d+:\\d+: not valid YAML: .+");
        assertThat(refusal("")).isEqualTo(": empty pipeline file");
    }

    @Test
    void aMissingFileIsSaidInWords() {
        Path missing = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> loader.load(missing)).isInstanceOf(PipelineFileException.class)
                .hasMessage(missing + ": no such file");
    }

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({"500ms, 500", "30s, 30000", "2m, 120000", "1.5s, 1500", "0.25m, 15000", "0s, 0", "10ms, 10"})
    void durations(String text, long millis) {
        assertThat(PipelineLoader.duration(text)).isEqualTo(Duration.ofMillis(millis));
    }
}
