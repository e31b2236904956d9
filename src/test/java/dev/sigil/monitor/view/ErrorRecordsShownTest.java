package dev.sigil.monitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.errors.ErrorCode;
import dev.sigil.contract.event.Level;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.monitor.Lines;
import dev.sigil.monitor.format.PythonMonitorText;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Reducer;

/**
 * An error record (docs/errors.md) as the monitor shows it, from either dialect: the Errors panel and the stream
 * mode give its code and suggestion; a line without a record keeps the Python monitor's bytes.
 */
class ErrorRecordsShownTest {

    /** sigil's abort: a session_error whose metadata.error_info has no suggestion of its own (the table gives it). */
    private static final String ENTRY = "{\"timestamp\":\"2026-01-11T10:15:40.000001\",\"session_id\":\"s1\",\"event_type\":\"session_error\","
            + "\"component\":\"orchestrator\",\"message\":\"Pipeline failed: token budget exhausted\",\"tokens\":0,\"metadata\":{"
            + "\"error_type\":\"BudgetExhaustedError\",\"severity\":\"critical\",\"error_info\":{\"error_type\":\"BudgetExhaustedError\","
            + "\"error_message\":\"token budget exhausted\",\"error_code\":\"TOKEN_001\",\"recoverable\":false}}}";
    /** Seed 002's own example of a recoverable error, a top-level error_info with a code sigil's table has. */
    private static final String SEED_002 = "{\"id\":\"log_error_001\",\"timestamp\":\"2026-01-11T10:15:41.000Z\",\"level\":\"error\","
            + "\"component\":\"contracts\",\"operation\":\"validate_output\",\"message\":\"Contract validation failed, will retry\","
            + "\"session_id\":\"s1\",\"error_info\":{\"error_type\":\"ContractValidationError\",\"error_message\":\"Missing required "
            + "deliverable: bant_assessment\",\"error_code\":\"CONTRACT_002\",\"recoverable\":true,\"retry_after_ms\":0}}";
    /** A foreign producer's code with its own suggestion. */
    private static final String FOREIGN = "{\"timestamp\":\"2026-01-11T10:15:42\",\"session_id\":\"s1\",\"event_type\":\"step_error\","
            + "\"component\":\"reasoning\",\"message\":\"tool failed\",\"metadata\":{\"error_info\":{\"error_type\":\"ToolError\","
            + "\"error_message\":\"crm down\",\"error_code\":\"ACME_042\",\"recoverable\":true,\"suggestion\":\"Call the CRM team\"}}}";

    @Test
    void bothDialectsCarryTheCodeAndTheSuggestion() {
        List<LogEvent> events = Lines.decodeAll(String.join("\n", ENTRY, SEED_002, FOREIGN) + "\n");
        assertThat(events).extracting(LogEvent::errorCode).containsExactly("TOKEN_001", "CONTRACT_002", "ACME_042");
        assertThat(events).extracting(LogEvent::suggestion).containsExactly(ErrorCode.TOKEN_001.suggestion(),
                ErrorCode.CONTRACT_002.suggestion(), "Call the CRM team");
        assertThat(events.get(0).level()).as("a critical severity raises the level").isEqualTo(Level.CRITICAL);
        assertThat(events.get(1).errorType()).isEqualTo("ContractValidationError");
    }

    @Test
    void theStreamModeAddsCodeAndSuggestionOnlyToLinesWithARecord() {
        List<LogEvent> events = Lines.decodeAll(String.join("\n", ENTRY, FOREIGN,
                "{\"timestamp\":\"2026-01-11T10:15:43\",\"session_id\":\"s1\",\"event_type\":\"step_error\",\"component\":\"reasoning\","
                        + "\"message\":\"plain failure\",\"tokens\":0,\"metadata\":{\"error\":\"x\"}}") + "\n");
        PythonMonitorText text = PythonMonitorText.raw();
        assertThat(text.streamLine(events.get(0))).isEqualTo("[10:15:40] orchestrator: Pipeline failed: token budget exhausted (0 tokens) "
                + "[TOKEN_001] " + ErrorCode.TOKEN_001.suggestion() + "\n");
        assertThat(text.streamLine(events.get(1))).isEqualTo("[10:15:42] reasoning: tool failed (0 tokens) [ACME_042] Call the CRM team\n");
        assertThat(text.streamLine(events.get(2))).as("the Python monitor's bytes").isEqualTo("[10:15:43] reasoning: plain failure (0 tokens)\n");
    }

    @Test
    void theErrorsPanelShowsTheCodeAndTheSuggestion() {
        MonitorState s = Fixtures.running();
        s = Reducer.reduce(s, new MonitorAction.LinesAppended(Lines.decodeAll(ENTRY + "\n" + SEED_002 + "\n"), Fixtures.tickAt("10:16:03").epochMillis()));
        String screen = Fixtures.render(s, 160, 40, Theme.mono());
        assertThat(screen).contains("[TOKEN_001]", "Raise the budget", "[CONTRACT_002]", "Will retry once with the check's feedback");
        assertThat(screen).contains("CRIT");
    }
}
