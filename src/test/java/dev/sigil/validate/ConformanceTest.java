package dev.sigil.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.sigil.contract.validation.SchemaValidator;
import dev.sigil.contract.validation.UsageRules;
import dev.sigil.testing.ContractExamples;

/**
 * The contract examples as a conformance suite for sigil: every valid line validates, every invalid line is refused,
 * and for the rule its file is about (each invalid file breaks one rule). The Python and jq sides of the same suite
 * are in ConformanceCompatTest.
 */
class ConformanceTest {

    /** What each invalid file is about: every problem sigil reports on its lines must be of that kind. */
    private static final Map<String, Predicate<Problem>> RULE_OF_FILE = Map.ofEntries(
            Map.entry("bad-metadata.jsonl", p -> p.pointer() != null && p.pointer().startsWith("/metadata")),
            Map.entry("bad-error-info.jsonl", p -> p.pointer() != null && p.pointer().startsWith("/metadata/error_info")),
            Map.entry("bad-alert.jsonl", p -> p.pointer() != null && p.pointer().startsWith("/metadata/alert")),
            Map.entry("bad-session-id.jsonl", p -> "/session_id".equals(p.pointer()) && p.rule().equals("pattern")),
            Map.entry("bad-timestamp.jsonl", p -> "/timestamp".equals(p.pointer()) && p.rule().equals("pattern")),
            Map.entry("bad-tokens.jsonl", p -> "/tokens".equals(p.pointer())),
            Map.entry("extra-key.jsonl", p -> p.rule().equals("additionalProperties")),
            Map.entry("invalid-utf8.jsonl", p -> p.rule().equals("json") && p.message().contains("UTF-8")),
            Map.entry("missing-required.jsonl", p -> p.rule().equals("required")),
            Map.entry("non-finite.jsonl", p -> p.rule().equals("non-finite")),
            Map.entry("not-an-object.jsonl", p -> p.rule().equals("type") && "".equals(p.pointer())),
            Map.entry("not-json.jsonl", p -> p.rule().equals("json")),
            Map.entry("unknown-component.jsonl", p -> "/component".equals(p.pointer()) && p.rule().equals("enum")),
            Map.entry("unknown-event-type.jsonl", p -> "/event_type".equals(p.pointer()) && p.rule().equals("enum")),
            Map.entry("wrong-types.jsonl", p -> p.rule().equals("type")),
            Map.entry("usage-total.jsonl", p -> p.rule().equals(UsageRules.TOTAL)),
            Map.entry("usage-cache.jsonl", p -> p.rule().equals(UsageRules.CACHE)),
            Map.entry("usage-cache-1h.jsonl", p -> p.rule().equals(UsageRules.CACHE_1H)),
            Map.entry("usage-reasoning.jsonl", p -> p.rule().equals(UsageRules.REASONING)),
            Map.entry("usage-model.jsonl", p -> "/metadata/tokens_used/model".equals(p.pointer()) && p.rule().equals("pattern")),
            Map.entry("usage-fields.jsonl", p -> p.pointer() != null && p.pointer().startsWith(UsageRules.ENTRY_POINTER)),
            Map.entry("attribution.jsonl", p -> p.pointer() != null && p.pointer().matches("/metadata/(event_id|parent_id|correlation_id|phase|budget_usd|cost_usd)")));

    private final LogValidator validator = new LogValidator(SchemaValidator.executionEntry(), LogValidator.DEFAULT_MAX_LINE_BYTES);

    @TestFactory
    Stream<DynamicTest> everyExampleLine() {
        return ContractExamples.lines().stream().map(line -> dynamicTest(line.name(), () -> {
            List<Problem> problems = validator.check(line.file(), line.number(), line.bytes(), 0, line.bytes().length);
            String text = new String(line.bytes(), StandardCharsets.UTF_8);
            if (line.expectedValid()) {
                assertThat(problems).as("problems in valid line %s", text).isEmpty();
                return;
            }
            assertThat(problems).as("problems in invalid line %s", text).isNotEmpty();
            String file = Path.of(line.file()).getFileName().toString();
            assertThat(problems).as("the rule of %s", file).allMatch(RULE_OF_FILE.get(file));
        }));
    }

    @Test
    void everyInvalidFileSaysWhichRuleItBreaks() {
        assertThat(ContractExamples.files("invalid")).extracting(p -> p.getFileName().toString())
                .allMatch(RULE_OF_FILE::containsKey, "is listed in ConformanceTest.RULE_OF_FILE");
    }

    @Test
    void sigilHasNoListedException() {
        assertThat(ContractExamples.exceptions()).isNotEmpty().noneMatch(e -> e.implementation().toLowerCase().contains("sigil"));
    }
}
