package dev.sigil.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import dev.sigil.compat.CPythonOracle;
import dev.sigil.compat.JqValidator;
import dev.sigil.testing.ContractExamples;
import dev.sigil.testing.ContractExamples.Line;

/**
 * The contract examples as a conformance suite for the other two implementations: CPython ({@code json} +
 * {@code jsonschema}, with the contract's non-finite rule) and the jq validator reach the folder's verdict on every
 * line, except where contract/examples/README.md lists otherwise, and every listed exception still happens.
 */
@Tag("compat")
class ConformanceCompatTest {

    private static final List<Line> LINES = ContractExamples.lines();
    private static final List<ContractExamples.Exception> EXCEPTIONS = ContractExamples.exceptions();
    private static List<String> python;
    private static List<JqValidator.Verdict> jq;

    @BeforeAll
    static void judgeEveryLine() {
        List<byte[]> bytes = new ArrayList<>();
        LINES.forEach(l -> bytes.add(l.bytes()));
        try (CPythonOracle oracle = CPythonOracle.start()) {
            python = oracle.validate(bytes);
        }
        jq = JqValidator.start().validate(bytes);
    }

    @AfterAll
    static void report() {
        System.out.printf("compat: %d example lines judged by CPython and jq; %d listed exceptions%n", LINES.size(), EXCEPTIONS.size());
    }

    @TestFactory
    Stream<DynamicTest> cpythonReachesEveryVerdict() {
        return LINES.stream().map(line -> dynamicTest(line.name(), () -> {
            String verdict = python.get(LINES.indexOf(line));
            assertThat(verdict.equals("VALID")).as("CPython on %s: %s", text(line), verdict)
                    .isEqualTo(expected(line, "Python"));
        }));
    }

    @TestFactory
    Stream<DynamicTest> jqReachesEveryVerdict() {
        return LINES.stream().map(line -> dynamicTest(line.name(), () -> {
            JqValidator.Verdict verdict = jq.get(LINES.indexOf(line));
            assertThat(verdict.valid()).as("jq on %s: %s", text(line), verdict).isEqualTo(expected(line, "jq"));
        }));
    }

    /** Each row of the README's table must still be true, or the table must change. */
    @TestFactory
    Stream<DynamicTest> everyListedExceptionStillHappens() {
        return EXCEPTIONS.stream().map(e -> dynamicTest(e.line() + " with " + e.implementation(), () -> {
            List<Line> covered = LINES.stream().filter(e::covers).toList();
            assertThat(covered).as("lines named by the exception row").isNotEmpty();
            for (Line line : covered) {
                int i = LINES.indexOf(line);
                boolean valid = switch (implementation(e)) {
                    case "jq" -> jq.get(i).valid();
                    case "jsonschema alone" -> python.get(i).equals("VALID") || python.get(i).endsWith("jsonschema=VALID");
                    default -> throw new AssertionError("unknown implementation in contract/examples/README.md: " + e.implementation());
                };
                assertThat(valid).as("%s on %s (%s)", e.implementation(), line.name(), text(line)).isEqualTo(e.valid());
            }
        }));
    }

    /** The folder's verdict, or the listed one for an implementation ("Python" is never listed: it applies the contract). */
    private static boolean expected(Line line, String implementation) {
        for (ContractExamples.Exception e : EXCEPTIONS) {
            if (e.covers(line) && implementation(e).equals(implementation)) {
                return e.valid();
            }
        }
        return line.expectedValid();
    }

    private static String implementation(ContractExamples.Exception e) {
        String name = e.implementation().toLowerCase(java.util.Locale.ROOT).replace("`", "");
        if (name.startsWith("jq")) {
            return "jq";
        }
        return name.contains("jsonschema") && name.contains("alone") ? "jsonschema alone" : name;
    }

    private static String text(Line line) {
        return new String(line.bytes(), StandardCharsets.UTF_8);
    }
}
