package dev.sigil.spend;

import static dev.sigil.spend.SpendLines.PER_THOUSAND;
import static dev.sigil.spend.SpendLines.decode;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.event.EventTime;

class LedgerTest {

    private final Ledger ledger = new Ledger(new Prices(PER_THOUSAND, ZoneOffset.UTC), EventTime.parse("2026-06-01T00:00:00Z"));

    private static String entry(String session, String type, long tokens) {
        return "{\"timestamp\":\"2026-01-11T10:15:32\",\"session_id\":\"" + session + "\",\"event_type\":\"" + type
                + "\",\"component\":\"orchestrator\",\"message\":\"m\",\"tokens\":" + tokens + "}";
    }

    @Test
    void aRestatedTotalCountsOncePerSessionWhateverTheOtherSessionsDid() {
        assertThat(ledger.add(decode(entry("a", "step_complete", 300)), "").counted()).isEqualTo(300);
        assertThat(ledger.add(decode(entry("b", "step_complete", 500)), "").counted()).isEqualTo(500);
        assertThat(ledger.add(decode(entry("a", "session_complete", 300)), "").counted()).isZero();
        assertThat(ledger.add(decode(entry("b", "session_complete", 800)), "").counted()).isEqualTo(800); // not b's total
        assertThat(ledger.restatements()).isEqualTo(1);
    }

    @Test
    void seed002OrchestratorLinesRepeatTheirStepsAndCountNothing() {
        String step = "{\"timestamp\":\"2026-01-11T14:30:02.080Z\",\"level\":\"info\",\"component\":\"router\",\"operation\":\"route_request\","
                + "\"message\":\"Completed route_request\",\"session_id\":\"s\",\"tokens_used\":{\"input_tokens\":320,\"output_tokens\":80,"
                + "\"total_tokens\":400,\"model\":\"anthropic:claude-opus-4-5-20251101\"}}";
        String plan = "{\"timestamp\":\"2026-01-11T14:30:03Z\",\"level\":\"info\",\"component\":\"orchestrator\",\"operation\":\"execute_plan\","
                + "\"message\":\"Completed execute_plan\",\"session_id\":\"s\",\"tokens_used\":{\"total_tokens\":400}}";
        Ledger.Line first = ledger.add(decode(step), "file");
        assertThat(first.counted()).isEqualTo(400);
        assertThat(first.price()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("0.4"));
        assertThat(ledger.add(decode(plan), "file").counted()).isZero();
    }

    @Test
    void aLineWithoutItsSessionBelongsToItsFilesAndOneWithoutATimeIsPricedAtItsSessionsNewest() {
        Pricing at = (usage, when) -> java.util.Optional.of(java.math.BigDecimal.valueOf(when.getEpochSecond()));
        Ledger l = new Ledger(new Prices(at, ZoneOffset.UTC), EventTime.parse("2026-06-01T00:00:00Z"));
        String usage = ",\"metadata\":{\"tokens_used\":{\"input_tokens\":1,\"output_tokens\":1,\"total_tokens\":2,\"model\":\"m:x\"}}}";
        String timed = "{\"timestamp\":\"2026-01-11T10:00:00\",\"event_type\":\"step_complete\",\"component\":\"routing\",\"message\":\"m\",\"tokens\":2" + usage;
        String untimed = "{\"timestamp\":\"yesterday\",\"event_type\":\"step_complete\",\"component\":\"routing\",\"message\":\"m\",\"tokens\":2" + usage;
        Ledger.Line a = l.add(decode(timed), "from-file");
        Ledger.Line b = l.add(decode(untimed), "from-file");
        Ledger.Line c = l.add(decode(untimed), "other-file");
        assertThat(a.session()).isEqualTo("from-file");
        long jan11 = Instant.parse("2026-01-11T10:00:00Z").getEpochSecond();
        assertThat(b.price()).hasValueSatisfying(p -> assertThat(p.longValue()).isEqualTo(jan11));
        assertThat(c.price()).hasValueSatisfying(p -> assertThat(p.longValue()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z").getEpochSecond()));
    }
}
