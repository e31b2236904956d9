package dev.sigil.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.sigil.compat.CPythonOracle;
import dev.sigil.compat.JqValidator;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.validation.SchemaValidator;
import dev.sigil.testing.EntryArbitraries;
import dev.sigil.validate.LogValidator;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The timestamp rule of docs/contract.md section 3, held to what Python's {@code jsonschema} decides: sigil (and the
 * jq validator) agree with it on a corpus of timestamps with every known trap (Unicode digits, which Python's \d
 * matches; a trailing newline, before which $ matches; lower-case t and z; the leap second 60; odd offsets), and on
 * generated ones. The decisions the contract states are asserted as well, so that the three cannot agree on a
 * wrong answer.
 */
@Tag("compat")
class ContractAgreementTest {

    private static CPythonOracle python;
    private static JqValidator jq;
    private static final AtomicLong agreed = new AtomicLong();

    private final LogValidator sigil = new LogValidator(SchemaValidator.executionEntry(), LogValidator.DEFAULT_MAX_LINE_BYTES);
    private final PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);

    @BeforeContainer
    static void start() {
        python = CPythonOracle.start();
        jq = JqValidator.start();
    }

    @AfterContainer
    static void stop() {
        System.out.printf("compat: sigil, jsonschema and jq agree on %,d timestamps%n", agreed.get());
        if (python != null) {
            python.close();
        }
    }

    /** docs/contract.md section 3, as decided: what isoformat() writes and RFC 3339 pass, the traps fail. */
    @Example
    void theDocumentedDecisions() {
        List<String> valid = List.of("2026-01-11T10:15:32", "2026-01-11T10:15:32.123456", "2026-01-11T10:15:32.000001",
                "2026-01-11T10:15:32+00:00", "2026-01-11T10:15:32.123456-05:30", "2026-01-11T10:15:32+05:30:15",
                "2026-01-11T10:15:32+05:30:15.123456", "2026-01-11T10:15:32Z", "2026-01-11t10:15:32z", "2026-01-11T10:15:32.1Z",
                "2026-12-31T23:59:60Z", "2026-01-11T10:15:32.123456789+01:00", "0001-01-01T00:00:00", "9999-12-31T23:59:59.999999",
                "2026-02-31T00:00:00");
        List<String> invalid = List.of("2026-01-11T10:15:32\n", "2026-01-11T10:15:32\r", "2026-01-11T10:15:32 ", " 2026-01-11T10:15:32",
                "\uff12\uff10\uff12\uff16-01-11T10:15:32", "2026-01-11T10:15:\u0663\u0662", "2026-01-11T1\u0660:15:32",
                "2026-01-11 10:15:32", "2026-01-11", "10:15:32", "2026-13-11T10:15:32", "2026-00-11T10:15:32",
                "2026-01-32T10:15:32", "2026-01-00T10:15:32", "2026-01-11T24:00:00", "2026-01-11T10:60:00", "2026-01-11T10:15:61",
                "2026-01-11T10:15:32.", "2026-01-11T10:15:32+0530", "2026-01-11T10:15:32+05:30:15.1", "2026-01-11T10:15:32+24:00",
                "2026-01-11T10:15", "2026-01-11T10:15:32Z\n", "x2026-01-11T10:15:32", "2026-01-11T10:15:32x", "", "20260111T101532");
        assertThat(verdicts(valid)).as("valid timestamps").containsOnly(true);
        List<Boolean> verdicts = verdicts(invalid);
        for (int i = 0; i < invalid.size(); i++) {
            assertThat(verdicts.get(i)).as("timestamp %s", escaped(invalid.get(i))).isFalse();
        }
    }

    @Provide
    Arbitrary<List<String>> timestampBatches() {
        return EntryArbitraries.timestamps().list().ofSize(500);
    }

    @Property(tries = 10, edgeCases = EdgeCasesMode.NONE)
    void generatedTimestamps(@ForAll("timestampBatches") List<String> timestamps) {
        verdicts(timestamps);
    }

    /** sigil's verdict on an entry holding each timestamp, after checking that jsonschema and jq reach it too. */
    private List<Boolean> verdicts(List<String> timestamps) {
        List<byte[]> lines = new ArrayList<>(timestamps.size());
        for (String t : timestamps) {
            ObjectNode entry = JsonNodeFactory.instance.objectNode();
            entry.put("timestamp", t);
            entry.put("session_id", "test-1");
            entry.put("event_type", "step_complete");
            entry.put("component", "routing");
            entry.put("message", "ok");
            lines.add(writer.encode(entry));
        }
        List<String> byPython = python.validate(lines);
        List<JqValidator.Verdict> byJq = jq.validate(lines);
        List<Boolean> bySigil = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            boolean valid = sigil.check("-", 1, line, 0, line.length).isEmpty();
            String shown = escaped(timestamps.get(i));
            assertThat(byPython.get(i).equals("VALID")).as("jsonschema on %s: %s (sigil: %s)", shown, byPython.get(i), valid).isEqualTo(valid);
            assertThat(byJq.get(i).valid()).as("jq on %s: %s (sigil: %s)", shown, byJq.get(i), valid).isEqualTo(valid);
            bySigil.add(valid);
        }
        agreed.addAndGet(lines.size());
        return bySigil;
    }

    private String escaped(String timestamp) {
        return writer.encodeToString(JsonNodeFactory.instance.stringNode(timestamp));
    }
}
