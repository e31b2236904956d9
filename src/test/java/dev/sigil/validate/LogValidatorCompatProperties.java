package dev.sigil.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.sigil.compat.CPythonOracle;
import dev.sigil.compat.JqValidator;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.validation.SchemaValidator;
import dev.sigil.testing.EntryArbitraries;
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
 * {@code sigil validate} and CPython's {@code json} + {@code jsonschema} reach the same verdict on every generated
 * entry, valid or broken (the contract's one extra rule, no NaN or infinities, is applied on the Python side too:
 * docs/contract.md section 6, and so are the usage rules of section 5). The jq validator is held to the same verdicts,
 * except where jq 1.6 cannot see the difference (compat-tests/README.md).
 */
@Tag("compat")
class LogValidatorCompatProperties {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final List<String> INTEGER_METADATA = List.of("budget", "budget_remaining", "steps_completed", "total_tokens",
            "total_used", "total_remaining", "component_used", "retry_count", "max_retries");

    private static CPythonOracle python;
    private static JqValidator jq;
    private static final AtomicLong valid = new AtomicLong();
    private static final AtomicLong invalid = new AtomicLong();
    private static final AtomicLong jqSkipped = new AtomicLong();

    private final LogValidator validator = new LogValidator(SchemaValidator.executionEntry(), LogValidator.DEFAULT_MAX_LINE_BYTES);
    private final PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);

    @BeforeContainer
    static void start() {
        python = CPythonOracle.start();
        jq = JqValidator.start();
    }

    @AfterContainer
    static void stop() {
        System.out.printf("compat: sigil validate, jsonschema and jq agree on %,d valid and %,d invalid entries "
                + "(%,d left out for jq only: numbers jq 1.6 cannot tell apart)%n", valid.get(), invalid.get(), jqSkipped.get());
        if (python != null) {
            python.close();
        }
    }

    @Provide
    Arbitrary<List<JsonNode>> entryBatches() {
        return EntryArbitraries.entries().list().ofSize(1_000);
    }

    @Property(tries = 10, edgeCases = EdgeCasesMode.NONE)
    void sigilJsonschemaAndJqAgree(@ForAll("entryBatches") List<JsonNode> entries) {
        List<byte[]> lines = new ArrayList<>(entries.size());
        for (JsonNode entry : entries) {
            lines.add(writer.encode(entry));
        }
        List<String> pythonVerdicts = python.validate(lines);
        List<JqValidator.Verdict> jqVerdicts = jq.validate(lines);
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            String text = new String(line, StandardCharsets.US_ASCII);
            List<Problem> problems = validator.check("-", i + 1, line, 0, line.length);
            boolean sigil = problems.isEmpty();
            assertThat(sigil).as("sigil says %s, CPython says %s, on %s", problems, pythonVerdicts.get(i), text)
                    .isEqualTo(pythonVerdicts.get(i).equals("VALID"));
            if (jqCannotTell(entries.get(i))) {
                jqSkipped.incrementAndGet();
            } else {
                assertThat(jqVerdicts.get(i).valid()).as("jq says %s, sigil says %s, on %s", jqVerdicts.get(i), problems, text)
                        .isEqualTo(sigil);
            }
            (sigil ? valid : invalid).incrementAndGet();
        }
    }

    /** jq 1.6 reads numbers as doubles: a number just above 2^63-1 (2^63 as an integer or a float) is the same double. */
    private static boolean jqCannotTell(JsonNode entry) {
        if (aboveLongButSameDouble(entry.get("tokens"))) {
            return true;
        }
        JsonNode metadata = entry.get("metadata");
        if (metadata == null || !metadata.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : metadata.properties()) {
            if (INTEGER_METADATA.contains(e.getKey()) && aboveLongButSameDouble(e.getValue())) {
                return true;
            }
        }
        return usageBeyondExactDoubles(metadata.get("tokens_used"));
    }

    /** jq adds the counts of a usage record as doubles: above 2^53 a sum may come out right when it is not. */
    private static boolean usageBeyondExactDoubles(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return false;
        }
        for (JsonNode v : usage.values()) {
            if (v.isNumber() && (v.isIntegralNumber() ? v.bigIntegerValue().bitLength() > 53 : Math.abs(v.doubleValue()) >= 0x1p53)) {
                return true;
            }
        }
        return false;
    }

    private static boolean aboveLongButSameDouble(JsonNode v) {
        if (v == null || !v.isNumber()) {
            return false;
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().compareTo(LONG_MAX) > 0 && v.bigIntegerValue().doubleValue() == 0x1p63;
        }
        return v.doubleValue() == 0x1p63;
    }
}
