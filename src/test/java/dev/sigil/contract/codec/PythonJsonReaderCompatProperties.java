package dev.sigil.contract.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.sigil.compat.CPythonOracle;
import dev.sigil.compat.NeutralForm;
import dev.sigil.testing.JsonTextArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;

/**
 * sigil reads what CPython writes and what CPython reads, with the same values: CPython generates and writes values
 * (its own {@code random}, seeded from here), and CPython judges fuzzed lines; sigil must accept exactly the lines
 * CPython accepts, decode them to the same values (compared in the neutral form) and write them back to the same
 * bytes, which makes {@code sigil fmt} equal to {@code json.dumps(json.loads(line))}.
 */
@Tag("compat")
class PythonJsonReaderCompatProperties {

    private static CPythonOracle python;
    private static final AtomicLong readBack = new AtomicLong();
    private static final AtomicLong judged = new AtomicLong();
    private static final AtomicLong refused = new AtomicLong();
    private static final AtomicLong sameColumn = new AtomicLong();

    private final PythonJsonReader reader = new PythonJsonReader();
    private final PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);

    @BeforeContainer
    static void startPython() {
        python = CPythonOracle.start();
    }

    @AfterContainer
    static void stopPython() {
        System.out.printf("compat: %,d CPython-written values read back by Java; %,d fuzzed lines judged alike (%,d refused by both, "
                + "%,d of those at CPython's column)%n", readBack.get(), judged.get(), refused.get(), sameColumn.get());
        if (python != null) {
            python.close();
        }
    }

    @Property(tries = 20, edgeCases = EdgeCasesMode.NONE)
    void whatCPythonWritesJavaReadsToTheSameValueAndBytes(@ForAll long seed) {
        List<String> generated = python.generate(seed, 5_000);
        for (String answer : generated) {
            int tab = answer.indexOf('\t');
            String neutral = answer.substring(0, tab);
            String dumps = answer.substring(tab + 1);
            JsonNode value = reader.read(dumps.getBytes(StandardCharsets.US_ASCII));
            assertThat(NeutralForm.of(value)).as("value of %s (Python seed %d)", dumps, seed).isEqualTo(neutral);
            assertThat(writer.encodeToString(value)).as("re-encoding of %s (Python seed %d)", dumps, seed).isEqualTo(dumps);
        }
        readBack.addAndGet(generated.size());
    }

    @Provide
    Arbitrary<List<byte[]>> lineBatches() {
        return JsonTextArbitraries.lines().list().ofSize(500);
    }

    @Property(tries = 20, edgeCases = EdgeCasesMode.NONE)
    void javaAcceptsExactlyWhatCPythonAcceptsWithTheSameValues(@ForAll("lineBatches") List<byte[]> lines) {
        List<String> answers = python.loads(lines);
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            String answer = answers.get(i);
            String shown = HexFormat.of().formatHex(line) + " (" + new String(line, StandardCharsets.UTF_8) + ")";
            JsonNode value;
            try {
                value = reader.read(line);
            } catch (JsonSyntaxException e) {
                if (answer.startsWith("OK ")) {
                    fail("CPython reads line %s as %s, sigil refuses it: %s (column %d)", shown, answer, e.reason(), e.column());
                }
                refused.incrementAndGet();
                String[] parts = answer.split("\t", 3);
                if (parts.length == 3 && parts[1].equals(Integer.toString(e.column()))) {
                    sameColumn.incrementAndGet();
                }
                continue;
            }
            if (!answer.startsWith("OK ")) {
                fail("CPython refuses line %s (%s), sigil reads it as %s", shown, answer, writer.encodeToString(value));
            }
            int tab = answer.indexOf('\t');
            assertThat(NeutralForm.of(value)).as("value of line %s", shown).isEqualTo(answer.substring(3, tab));
            assertThat(writer.encodeToString(value)).as("fmt of line %s", shown).isEqualTo(answer.substring(tab + 1));
        }
        judged.addAndGet(lines.size());
    }
}
