package dev.sigil.spend;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.event.Usage;

class TallyTest {

    @Test
    void tokensWithoutAPriceAreUnpricedAndAPartlyPricedGroupSaysHowManyWereNot() {
        Tally unpriced = Tally.ZERO.plus(Usage.unknownModel(400), 400, Optional.empty());
        assertThat(unpriced.cost()).isEmpty();
        assertThat(unpriced.unpricedTokens()).isEqualTo(400);
        Tally mixed = unpriced.plus(Usage.of("anthropic:claude-haiku-4-5", 900, 100, 300, 0, 0, 0), 1000, Optional.of(new BigDecimal("0.00123")));
        assertThat(mixed.cost()).contains(new BigDecimal("0.00123"));
        assertThat(mixed.unpricedTokens()).isEqualTo(400);
        assertThat(mixed.pricedTokens()).isEqualTo(1000);
        assertThat(mixed.inputTokens()).isEqualTo(900);
        assertThat(mixed.cacheReadTokens()).isEqualTo(300);
        assertThat(mixed.events()).isEqualTo(2);
    }

    @Test
    void sumsSaturateInsteadOfWrapping() {
        Tally big = Tally.ZERO.plus(Usage.unknownModel(Long.MAX_VALUE), Long.MAX_VALUE, Optional.empty());
        assertThat(big.plus(big).totalTokens()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theBurnIsDollarsPerMinuteOfTheLastMinute() {
        CostBurn b = CostBurn.empty().plus(100, new BigDecimal("0.30")).plus(130, new BigDecimal("0.30"));
        // 31 seconds of session: $0.60 in 31 s is $1.16.../min
        assertThat(b.perMinute(130)).isEqualByComparingTo(new BigDecimal("0.60").multiply(BigDecimal.valueOf(60))
                .divide(BigDecimal.valueOf(31), java.math.MathContext.DECIMAL64));
        // a minute later than the last cost, nothing is left in the window
        assertThat(b.perMinute(200)).isEqualByComparingTo("0");
        assertThat(CostBurn.empty().perMinute(5)).isNull();
    }
}
