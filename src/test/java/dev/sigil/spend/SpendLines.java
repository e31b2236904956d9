package dev.sigil.spend;

import java.math.BigDecimal;
import java.util.Optional;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.LogEventDecoder;

/** Lines for the spend tests, written as a producer writes them and decoded as readers decode them. */
final class SpendLines {

    private static final PythonJsonReader READER = new PythonJsonReader();

    private SpendLines() {
    }

    static LogEvent decode(String json) {
        return LogEventDecoder.decode(READER.read(json));
    }

    /** A step_complete of {@code tokens} in {@code unit} (under {@code parent}, "" for none), with a usage record if {@code model} is given. */
    static LogEvent step(String unit, String parent, long tokens, String model, double latencyMs) {
        StringBuilder m = new StringBuilder("{\"latency_ms\":" + latencyMs);
        if (!unit.isEmpty()) {
            m.append(",\"event_id\":\"").append(unit).append('"');
        }
        if (!parent.isEmpty()) {
            m.append(",\"parent_id\":\"").append(parent).append('"');
        }
        if (!model.isEmpty()) {
            m.append(",\"tokens_used\":{\"input_tokens\":").append(tokens - tokens / 4).append(",\"output_tokens\":").append(tokens / 4)
                    .append(",\"total_tokens\":").append(tokens).append(",\"model\":\"").append(model).append("\"}");
        }
        m.append('}');
        return decode("{\"timestamp\":\"2026-01-11T10:15:32\",\"session_id\":\"s1\",\"event_type\":\"step_complete\",\"component\":\"reasoning\","
                + "\"message\":\"m\",\"tokens\":" + tokens + ",\"metadata\":" + m + "}");
    }

    /** Prices every named model at a dollar per thousand tokens: figures a reader can check by eye. */
    static final Pricing PER_THOUSAND = (usage, at) -> Optional.of(BigDecimal.valueOf(usage.totalTokens()).movePointLeft(3));
}
