package dev.sigil.orchestrate;

import static dev.sigil.orchestrate.Harness.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.model.Component;
import dev.sigil.orchestrate.execute.CommandExecutor;
import dev.sigil.orchestrate.pipeline.StepDefinition;
import tools.jackson.databind.JsonNode;

/**
 * The ways a command step reports its usage (docs/orchestrate.md): a marked line of its output (taken out of it), the
 * file named by SIGIL_USAGE_FILE (one object per model call), a usage member of a structured answer, in sigil's,
 * OpenAI's or Anthropic's names; and what is refused, with a warning in the step's entry, never a guess.
 */
class CommandUsageTest {

    @TempDir
    Path dir;

    private JsonNode stepComplete(String session, String script) throws Exception {
        Harness harness = new Harness(dir.resolve("logs"));
        StepDefinition step = Harness.command("work", Component.REASONING, List.of("sh", "-c", "cat >/dev/null; " + script));
        harness.run(request(session, 1_000_000, List.of(step)), new ScriptedExecutor(), new CommandExecutor(dir, Harness.COUNTER::count));
        SessionAudit audit = harness.audit(session);
        assertThat(audit.findings()).isEmpty();
        return audit.events("step_complete").get(0);
    }

    private static JsonNode usage(JsonNode entry) {
        return entry.get("metadata").get("tokens_used");
    }

    @Test
    void aMarkedLineIsTheUsageAndLeavesTheOutput() throws Exception {
        JsonNode e = stepComplete("marked", "echo 'the answer'; echo 'SIGIL_USAGE {\"model\":\"anthropic:claude-sonnet-4-5\",\"input_tokens\":1200,"
                + "\"output_tokens\":300,\"cache_read_tokens\":1000}'");
        assertThat(usage(e).toString()).isEqualTo("{\"input_tokens\":1200,\"output_tokens\":300,\"total_tokens\":1500,"
                + "\"model\":\"anthropic:claude-sonnet-4-5\",\"cache_read_tokens\":1000}");
        assertThat(e.get("tokens").longValue()).isEqualTo(1500);
        assertThat(e.get("metadata").get("usage_reported").booleanValue()).isTrue();
        assertThat(new String(java.nio.file.Files.readAllBytes(dir.resolve("logs/sessions/marked/outputs.jsonl")))).contains("the answer")
                .doesNotContain("SIGIL_USAGE");
    }

    @Test
    void theUsageFileAddsUpTheCallsOfOneModel() throws Exception {
        JsonNode e = stepComplete("file", "printf '%s\\n%s\\n' '{\"model\":\"openai:gpt-4.1-mini\",\"prompt_tokens\":800,\"completion_tokens\":100,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":512},\"completion_tokens_details\":{\"reasoning_tokens\":40}}' "
                + "'{\"model\":\"openai:gpt-4.1-mini\",\"prompt_tokens\":200,\"completion_tokens\":50}' > \"$SIGIL_USAGE_FILE\"; echo done");
        assertThat(usage(e).get("input_tokens").longValue()).isEqualTo(1000);
        assertThat(usage(e).get("output_tokens").longValue()).isEqualTo(150);
        assertThat(usage(e).get("cache_read_tokens").longValue()).isEqualTo(512);
        assertThat(usage(e).get("reasoning_tokens").longValue()).isEqualTo(40);
    }

    @Test
    void anthropicsInputLeavesTheCacheOutSoItIsAddedIn() throws Exception {
        JsonNode e = stepComplete("anthropic", "echo '{\"output\":\"ok\",\"usage\":{\"model\":\"anthropic:claude-opus-4-5\",\"input_tokens\":50,"
                + "\"cache_read_input_tokens\":3000,\"cache_creation_input_tokens\":1000,\"cache_creation\":{\"ephemeral_1h_input_tokens\":400},"
                + "\"output_tokens\":200}}'");
        assertThat(usage(e).toString()).isEqualTo("{\"input_tokens\":4050,\"output_tokens\":200,\"total_tokens\":4250,"
                + "\"model\":\"anthropic:claude-opus-4-5\",\"cache_read_tokens\":3000,\"cache_write_tokens\":1000,\"cache_write_1h_tokens\":400}");
    }

    @Test
    void theFileWinsOverTheMarkedLineWhichWinsOverTheAnswer() throws Exception {
        JsonNode e = stepComplete("precedence", "echo '{\"model\":\"m:a\",\"input_tokens\":1,\"output_tokens\":1}' > \"$SIGIL_USAGE_FILE\";"
                + " echo 'SIGIL_USAGE {\"model\":\"m:b\",\"input_tokens\":2,\"output_tokens\":2}';"
                + " echo '{\"output\":\"x\",\"usage\":{\"model\":\"m:c\",\"input_tokens\":3,\"output_tokens\":3}}'");
        assertThat(usage(e).get("model").stringValue()).isEqualTo("m:a");
    }

    @Test
    void whatCannotBeAUsageRecordIsSaidAndNeverGuessed() throws Exception {
        JsonNode models = stepComplete("models", "printf '%s\\n%s\\n' '{\"model\":\"m:a\",\"input_tokens\":10,\"output_tokens\":1}' "
                + "'{\"model\":\"m:b\",\"input_tokens\":20,\"output_tokens\":2}' > \"$SIGIL_USAGE_FILE\"; echo x");
        assertThat(usage(models)).isNull();
        assertThat(models.get("tokens").longValue()).isEqualTo(33);
        assertThat(models.get("metadata").get("usage_warning").stringValue()).contains("several models");
        JsonNode parts = stepComplete("parts", "echo 'SIGIL_USAGE {\"model\":\"m:a\",\"input_tokens\":10,\"output_tokens\":5,\"cache_read_tokens\":11}'");
        assertThat(usage(parts).has("cache_read_tokens")).isFalse();
        assertThat(parts.get("metadata").get("usage_warning").stringValue()).contains("do not fit its totals");
        JsonNode model = stepComplete("model", "echo 'SIGIL_USAGE {\"model\":\"no colon\",\"input_tokens\":10,\"output_tokens\":5}'");
        assertThat(usage(model)).isNull();
        assertThat(model.get("tokens").longValue()).isEqualTo(15);
        assertThat(model.get("metadata").get("usage_warning").stringValue()).contains("provider:model-id");
        JsonNode garbage = stepComplete("garbage", "echo 'SIGIL_USAGE not json'; echo out");
        assertThat(garbage.get("metadata").get("usage_warning").stringValue()).contains("is not JSON");
        assertThat(usage(garbage)).isNull();
    }
}
