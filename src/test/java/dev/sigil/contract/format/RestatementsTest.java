package dev.sigil.contract.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.event.Attribution;
import dev.sigil.contract.event.Dialect;
import dev.sigil.contract.event.Level;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.Usage;

/** Calls written on several lines count once; what is remembered of them is bounded by bytes, not by a count. */
class RestatementsTest {

    private static final String MODEL = "anthropic:claude-sonnet-4-5";

    private static Mapped call(String key, long input, long output) {
        Usage u = Usage.of(MODEL, input, output, 0, 0, 0, 0);
        LogEvent e = new LogEvent(Dialect.MAPPED, "2026-03-02T09:00:00Z", "s", "step_complete", "assistant", null, "", Level.INFO, "m",
                u.totalTokens(), 0, -1, -1, -1, "", "", u, "", "", Attribution.NONE, LogEvent.NO_BUDGET_USD, "claude-code");
        return new Mapped(e, key, null);
    }

    @Test
    void aLaterLineOfACallCountsWhatItAdds() {
        Restatements r = new Restatements();
        assertThat(r.adjust(call("msg_1\u0000req_1", 1000, 10)).tokens()).isEqualTo(1010);
        assertThat(r.adjust(call("msg_1\u0000req_1", 1000, 25)).tokens()).isEqualTo(15);
        assertThat(r.adjust(call("msg_2\u0000req_2", 1000, 25)).tokens()).isEqualTo(1025);
    }

    @Test
    void callsWithHugeIdentifiersAreForgottenByTheirBytes() {
        Restatements r = new Restatements();
        String pad = "x".repeat(100_000);
        long each = Restatements.cost("k0" + pad, Usage.of(MODEL, 1, 1, 0, 0, 0, 0));
        int fit = (int) (Restatements.BYTES / each);
        for (int i = 0; i <= fit; i++) {
            r.adjust(call("k" + i + pad, 1000, 10));
            assertThat(r.held()).isLessThanOrEqualTo(Restatements.BYTES);
        }
        assertThat(r.calls()).isEqualTo(fit);
        // the first call was forgotten: its later line counts in full; the last one is still known
        assertThat(r.adjust(call("k" + fit + pad, 1000, 30)).tokens()).isEqualTo(20);
        assertThat(r.adjust(call("k0" + pad, 1000, 30)).tokens()).isEqualTo(1030);
    }

    @Test
    void smallCallsAreRememberedByTheThousand() {
        Restatements r = new Restatements();
        r.adjust(call("msg_first\u0000req_first", 1000, 10));
        // as many others as fit beside it (keys of at most 19 characters)
        long each = Restatements.cost("msg_9999\u0000req_9999", Usage.of(MODEL, 1, 1, 0, 0, 0, 0));
        int others = (int) (Restatements.BYTES / each) - 2;
        assertThat(others).isGreaterThan(3000);
        for (int i = 0; i < others; i++) {
            r.adjust(call("msg_" + i + "\u0000req_" + i, 10, 1));
        }
        assertThat(r.held()).isLessThanOrEqualTo(Restatements.BYTES);
        assertThat(r.adjust(call("msg_first\u0000req_first", 1000, 12)).tokens()).isEqualTo(2);
    }
}
