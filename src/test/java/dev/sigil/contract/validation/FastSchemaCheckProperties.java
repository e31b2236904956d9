package dev.sigil.contract.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.testing.EntryArbitraries;
import dev.sigil.testing.JsonArbitraries;
import dev.sigil.testing.JsonTexts;
import dev.sigil.testing.UsageArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fast check of {@code sigil validate} never calls a line valid that the exact path (CPython's reading, the
 * non-finite rule, networknt) finds invalid, and the hand-written pattern matchers agree with the regular expressions.
 */
class FastSchemaCheckProperties {

    private static final Pattern TIMESTAMP = Pattern.compile(KnownPatterns.TIMESTAMP);
    private static final Pattern SESSION_ID = Pattern.compile(KnownPatterns.SESSION_ID);
    private static final Pattern MODEL = Pattern.compile(KnownPatterns.MODEL);

    private final PythonJsonReader reader = new PythonJsonReader();
    private final SchemaValidator exact = SchemaValidator.executionEntry();

    @Provide
    Arbitrary<byte[]> lines() {
        return Arbitraries.oneOf(JsonTexts.of(EntryArbitraries.entries()), JsonTexts.of(JsonArbitraries.values(2)));
    }

    @Property(tries = 5000)
    void aLineTheFastCheckCallsValidIsValid(@ForAll("lines") byte[] line) {
        boolean certain = exact.certainlyValid(line, 0, line.length);
        Statistics.collect(certain ? "certainly valid" : "not sure");
        if (certain) {
            JsonNode value;
            try {
                value = reader.read(line);
            } catch (JsonSyntaxException e) {
                throw new AssertionError("fast check called a line valid that CPython refuses: " + e.getMessage(), e);
            }
            assertThat(exact.validate(value)).isEmpty();
            assertThat(value.toString()).doesNotContain("NaN", "Infinity");
        }
    }

    @Property(tries = 2000)
    void aPlainLineWithAValidUsageRecordIsCertainlyValid(@ForAll("usage") ObjectNode usage) {
        // The fast path must not give up on the lines the orchestrator writes from now on.
        byte[] line = ("{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"session_id\":\"s1\",\"event_type\":\"step_complete\","
                + "\"component\":\"routing\",\"message\":\"m\",\"tokens\":" + usage.get("total_tokens") + ",\"metadata\":{\"latency_ms\":1.5,"
                + "\"tokens_used\":" + usage + "}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(exact.validate(reader.read(line))).isEmpty();
        assertThat(exact.certainlyValid(line, 0, line.length)).isTrue();
    }

    @Provide
    Arbitrary<ObjectNode> usage() {
        return UsageArbitraries.valid();
    }

    @Property(tries = 3000)
    void theTimestampMatcherIsThePattern(@ForAll("timestamps") String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean ascii = s.chars().allMatch(c -> c < 0x80);
        boolean regex = TIMESTAMP.matcher(s).find();
        if (ascii) {
            assertThat(KnownPatterns.timestamp(b, 0, b.length)).isEqualTo(regex);
        } else {
            assertThat(regex).isFalse();
        }
    }

    @Property(tries = 2000)
    void theSessionIdMatcherIsThePattern(@ForAll("sessionIds") String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean ascii = s.chars().allMatch(c -> c < 0x80);
        boolean regex = SESSION_ID.matcher(s).find();
        if (ascii) {
            assertThat(KnownPatterns.sessionId(b, 0, b.length)).isEqualTo(regex);
        } else {
            assertThat(regex).isFalse();
        }
    }

    @Property(tries = 3000)
    void theModelMatcherIsThePattern(@ForAll("models") String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (s.chars().allMatch(c -> c < 0x80)) {
            assertThat(KnownPatterns.model(b, 0, b.length)).isEqualTo(MODEL.matcher(s).find());
        }
    }

    @Provide
    Arbitrary<String> models() {
        Arbitrary<String> provider = Arbitraries.strings().withChars("aZ09_.-: \n").ofMinLength(0).ofMaxLength(66);
        Arbitrary<String> id = Arbitraries.strings().withChars("az09:-_. \t!~\u007f").ofMaxLength(6);
        return Arbitraries.oneOf(Combinators.combine(provider, id).as((p, i) -> p + ":" + i), Arbitraries.of(UsageArbitraries.MODELS),
                Arbitraries.strings().ofMaxLength(70));
    }

    @Provide
    Arbitrary<String> timestamps() {
        Arbitrary<String> mutated = Arbitraries.oneOf(EntryArbitraries.timestamps(), EntryArbitraries.timestamps().flatMap(t ->
                Arbitraries.integers().between(0, Math.max(0, t.length() - 1)).flatMap(at ->
                        Arbitraries.of("0", "9", "6", "3", "2", "1", ".", ":", "-", "+", "Z", "z", "T", "t", " ", "\n", "").map(c ->
                                t.isEmpty() ? c : t.substring(0, at) + c + t.substring(Math.min(t.length(), at + (c.isEmpty() ? 1 : 0)))))));
        return Arbitraries.oneOf(mutated, Arbitraries.strings().withChars("0123456789-:.TZz+ ").ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> sessionIds() {
        return Arbitraries.oneOf(EntryArbitraries.sessionIds(), Arbitraries.strings().withChars("aZ09_-/.\n ").ofMaxLength(70));
    }
}
