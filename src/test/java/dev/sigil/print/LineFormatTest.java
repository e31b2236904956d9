package dev.sigil.print;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.codec.PythonJsonReader;

/** The {@code line} format as docs/contract.md §8 defines it; FileMonitorCompatTest runs the jq side. */
class LineFormatTest {

    private static final PythonJsonReader READER = new PythonJsonReader();

    private static String format(String json) {
        return LineFormat.format(READER.read(json));
    }

    @Test
    void aSeed002LineIsWhatTheSeedsExpressionPrints() {
        assertThat(format("{\"id\":\"log_route_002\",\"timestamp\":\"2026-01-11T14:30:00.275Z\",\"level\":\"info\",\"component\":\"router\","
                + "\"operation\":\"route_request\",\"message\":\"Completed route_request\",\"tokens_used\":{\"total_tokens\":400}}"))
                .isEqualTo("14:30:00 [INFO] router/route_request: Completed route_request");
    }

    @Test
    void anExecutionEntryGetsItsLevelAndOperationFromItsEventType() {
        assertThat(format("{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"session_id\":\"t\",\"event_type\":\"budget_warning\","
                + "\"component\":\"orchestrator\",\"message\":\"80% used\",\"tokens\":0,\"metadata\":{}}"))
                .isEqualTo("10:15:32 [WARNING] orchestrator/budget_warning: 80% used");
        assertThat(format("{\"timestamp\":\"2026-01-11T10:15:32\",\"event_type\":\"budget_exceeded\",\"component\":\"routing\",\"message\":\"m\"}"))
                .isEqualTo("10:15:32 [CRITICAL] routing/budget_exceeded: m");
        assertThat(format("{\"timestamp\":\"2026-01-11T10:15:32\",\"event_type\":\"step_error\",\"component\":\"routing\",\"message\":\"m\"}"))
                .startsWith("10:15:32 [ERROR] ");
        assertThat(format("{\"timestamp\":\"2026-01-11T10:15:32\",\"event_type\":\"memory_retrieved\",\"operation\":null,\"message\":\"m\"}"))
                .isEqualTo("10:15:32 [INFO] null/memory_retrieved: m");
    }

    @Test
    void aGivenLevelOrOperationWinsAndTheLevelIsUpperCasedInAsciiOnly() {
        assertThat(format("{\"timestamp\":\"T1.2\",\"event_type\":\"step_error\",\"level\":\"débug\",\"operation\":\"op\",\"component\":\"c\",\"message\":\"m\"}"))
                .isEqualTo("1 [DéBUG] c/op: m");
    }

    @Test
    void timestampsWithoutTOrFractionOrAtAll() {
        assertThat(LineFormat.time(READER.read("\"2026-01-11T10:15:32\""))).isEqualTo("10:15:32");
        assertThat(LineFormat.time(READER.read("\"2026-01-11T10:15:32+01:00\""))).isEqualTo("10:15:32+01:00");
        assertThat(LineFormat.time(READER.read("\"2026-01-11 10:15:32.5\""))).isEqualTo("10:15:32");
        assertThat(LineFormat.time(READER.read("\"10:15:32.5\""))).isEqualTo("10:15:32");
        assertThat(LineFormat.time(READER.read("1736590532.25"))).isEqualTo("1736590532");
        assertThat(LineFormat.time(null)).isEqualTo("null");
        // jq splits "" into no parts at all, and "x[0]" of nothing is null
        assertThat(LineFormat.time(READER.read("\"\""))).isEqualTo("null");
        assertThat(LineFormat.time(READER.read("\"2026-01-11T\""))).isEqualTo("null");
        assertThat(LineFormat.time(READER.read("\"2026-01-11T.5\""))).isEqualTo("");
    }

    @Test
    void absentFieldsPrintAsJqPrintsNullAndOtherValuesAsJson() {
        assertThat(format("{}")).isEqualTo("null [INFO] null/null: null");
        assertThat(format("{\"timestamp\":\"2026-01-11T10:15:32Z\",\"level\":3,\"component\":[1],\"message\":{\"a\":1.0}}"))
                .isEqualTo("10:15:32Z [INFO] [1]/null: {\"a\":1}");
    }

    @Test
    void jqSplitKeepsATrailingEmptyPartButGivesNothingForAnEmptyString() {
        assertThat(LineFormat.split("", "T")).isEmpty();
        assertThat(LineFormat.split("T", "T")).containsExactly("", "");
        assertThat(LineFormat.split("aTTb", "T")).containsExactly("a", "", "b");
        assertThat(LineFormat.split("abc", "T")).containsExactly("abc");
    }
}
