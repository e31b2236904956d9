package dev.sigil.monitor.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.event.Level;

/** What a row of the event lists weighs: every text it keeps counts, the error's code and suggestion too. */
class EventRowTest {

    private static EventRow row(String errorCode, String suggestion) {
        return new EventRow(1, "2026-01-11T10:00:00", Level.ERROR, "reasoning", "step_error", 0, "failed", "timeout", "step_error",
                null, errorCode, suggestion, MonitorAction.Position.UNKNOWN);
    }

    @Test
    void theCodeAndTheSuggestionAreWeighed() {
        String suggestion = "x".repeat(EventRow.MAX_MESSAGE);
        assertThat(row("API_001", suggestion).weight() - row("", "").weight()).isEqualTo(2L * ("API_001".length() + suggestion.length()));
    }
}
