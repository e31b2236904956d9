package dev.sigil.contract.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import net.jqwik.api.Tag;

import dev.sigil.compat.CPythonOracle;
import dev.sigil.compat.NeutralForm;
import dev.sigil.testing.EntryArbitraries;
import dev.sigil.testing.JsonArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;

/**
 * Java's bytes are CPython's bytes: every generated value goes to CPython in the neutral form (never through the
 * encoder under test, so a wrong float repr cannot round-trip unnoticed), CPython builds it and runs
 * {@code json.dumps(value, separators=(',', ':'))}, and the result must equal {@link PythonJsonWriter}'s bytes.
 * 100 batches of 1,000 values: 100,000 values per run.
 */
@Tag("compat")
class PythonJsonWriterCompatProperties {

    static final int BATCH = 1_000;
    static final int BATCHES = 100;

    private static CPythonOracle python;
    private static final AtomicLong compared = new AtomicLong();
    private static long started;
    private final PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);

    @BeforeContainer
    static void startPython() {
        python = CPythonOracle.start();
        started = System.nanoTime();
    }

    @AfterContainer
    static void stopPython() {
        System.out.printf("compat: %,d values written by Java and by CPython, byte for byte, in %.1f s%n", compared.get(),
                (System.nanoTime() - started) / 1e9);
        if (python != null) {
            python.close();
        }
    }

    @Provide
    Arbitrary<List<JsonNode>> batches() {
        Arbitrary<JsonNode> value = Arbitraries.frequencyOf(
                Tuple.of(4, JsonArbitraries.leaves()),
                Tuple.of(2, JsonArbitraries.doubles().map(d -> (JsonNode) tools.jackson.databind.node.JsonNodeFactory.instance.numberNode(d))),
                Tuple.of(3, JsonArbitraries.values()),
                Tuple.of(1, EntryArbitraries.entries()));
        return value.list().ofSize(BATCH);
    }

    // Edge cases off: the generators mix the special values in themselves, and jqwik's combined edge cases of
    // thousand-element batches cost more time than the hundred thousand values.
    @Property(tries = BATCHES, edgeCases = EdgeCasesMode.NONE)
    void javaBytesAreCPythonBytes(@ForAll("batches") List<JsonNode> values) {
        List<String> neutral = new ArrayList<>(values.size());
        for (JsonNode v : values) {
            neutral.add(NeutralForm.of(v));
        }
        List<String> answers = python.dumps(neutral);
        for (int i = 0; i < values.size(); i++) {
            String expected = answers.get(i);
            assertThat(expected).as("CPython could not write %s", neutral.get(i)).startsWith("OK ");
            String java = new String(writer.encode(values.get(i)), StandardCharsets.US_ASCII);
            assertThat(java).as("json.dumps of neutral value %s", neutral.get(i)).isEqualTo(expected.substring(3));
        }
        compared.addAndGet(values.size());
    }
}
