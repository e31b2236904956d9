package dev.sigil.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.model.Component;
import dev.sigil.log.sanitize.Sanitizer;
import tools.jackson.databind.node.ObjectNode;

/** The --output document carries the task and the steps' texts: secrets are redacted there as in the log. */
class OutputDocumentTest {

    @Test
    void secretsInTheTaskTheOutputAndTheErrorsAreRedactedLikeTheLog() {
        String key = "sk-" + "abcdefghijklmnopqrstuvwxyz012345";
        OrchestrationResult r = new OrchestrationResult("s1", "summarise with " + key, OrchestrationResult.Status.COMPLETED_WITH_FAILURES,
                120, 1000, List.of(new StepOutcome("a", Component.REASONING, "direct", false, 0, 5.0, "bad token " + key, false)),
                "done, reply to ada@example.com", OptionalDouble.empty(), "", "", "", 1.5);
        Sanitizer sanitizer = Sanitizer.builtIn();
        String redacted = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT).encodeToString(OutputDocument.of(r, sanitizer::text));
        assertThat(redacted).doesNotContain(key).doesNotContain("ada@example.com");
        ObjectNode plain = OutputDocument.of(r, s -> s);
        assertThat(plain.get("task").stringValue()).contains(key);
        assertThat(plain.get("task").stringValue()).as("the same sanitizer the log uses")
                .isNotEqualTo(OutputDocument.of(r, sanitizer::text).get("task").stringValue());
    }
}
