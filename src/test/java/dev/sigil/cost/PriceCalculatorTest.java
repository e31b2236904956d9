package dev.sigil.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * calcPrice's rules on a catalog whose prices the test writes, each expected cost worked out by hand in the comment
 * beside it (rates are per million tokens).
 */
class PriceCalculatorTest {

    private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

    private final PriceCatalog catalog = TestCatalogs.of("""
            [{'id': 'acme', 'name': 'Acme', 'models': [
              {'id': 'cached', 'match': {'equals': 'cached'},
               'prices': {'input_mtok': 3, 'cache_read_mtok': 0.3, 'cache_write_mtok': 3.75, 'cache_write_1h_mtok': 6, 'output_mtok': 15}},
              {'id': 'plain', 'match': {'starts_with': 'plain'}, 'prices': {'input_mtok': 2, 'output_mtok': 8}},
              {'id': 'tiered', 'match': {'equals': 'tiered'},
               'prices': {'input_mtok': {'base': 1.25, 'tiers': [{'start': 200000, 'price': 2.5}]},
                          'output_mtok': {'base': 10, 'tiers': [{'start': 200000, 'price': 15}]}}},
              {'id': 'dated', 'match': {'equals': 'dated'}, 'prices': [
                {'prices': {'input_mtok': 1, 'output_mtok': 1}},
                {'constraint': {'type': 'start_date', 'start_date': '2026-03-13'}, 'prices': {'input_mtok': 2, 'output_mtok': 2}}]},
              {'id': 'night', 'match': {'equals': 'night'}, 'prices': [
                {'prices': {'input_mtok': 1, 'output_mtok': 1}},
                {'constraint': {'type': 'time_of_date', 'start_time': '22:00:00Z', 'end_time': '06:00:00Z'}, 'prices': {'input_mtok': 0.5, 'output_mtok': 0.5}}]},
              {'id': 'thinking', 'match': {'equals': 'thinking'}, 'prices': {'input_mtok': 1, 'output_mtok': 4, 'output_reasoning_mtok': 2}},
              {'id': 'per-call', 'match': {'equals': 'per-call'}, 'prices': {'input_mtok': 1, 'output_mtok': 1, 'requests_kcount': 5}}]}]""");
    private final PriceCalculator calc = new PriceCalculator(catalog);

    private BigDecimal total(String model, Map<String, Long> usage, Instant at) {
        return calc.price(usage, model, at).orElseThrow().total();
    }

    @Test
    void cacheReadsAndWritesArePricedApartFromTheRestOfTheInput() {
        // leaves: 1h writes 1000, other writes 3000-1000 = 2000, reads 4000, plain input 10000-4000-3000 = 3000.
        // 3000*3 + 4000*0.3 + 2000*3.75 + 1000*6 + 2000*15 = 9000+1200+7500+6000+30000 = 53700 per million = 0.0537
        Map<String, Long> usage = Map.of("input_tokens", 10_000L, "cache_read_tokens", 4_000L, "cache_write_tokens", 3_000L,
                "cache_write_1h_tokens", 1_000L, "output_tokens", 2_000L);
        Cost cost = calc.price(usage, "acme:cached", AT).orElseThrow();
        assertThat(cost.total()).isEqualByComparingTo("0.0537");
        assertThat(cost.input()).isEqualByComparingTo("0.0237");
        assertThat(cost.output()).isEqualByComparingTo("0.03");
        assertThat(cost.parts()).extracting(Cost.Part::usageKey, Cost.Part::count).contains(
                org.assertj.core.groups.Tuple.tuple("input_tokens", 3_000L), org.assertj.core.groups.Tuple.tuple("cache_write_tokens", 2_000L),
                org.assertj.core.groups.Tuple.tuple("cache_write_1h_tokens", 1_000L));
    }

    @Test
    void aModelWithoutCachePricesPaysTheInputRateForCachedTokens() {
        // 10000*2 + 1000*8 = 28000 per million, the cache counts being part of input_tokens
        assertThat(total("acme:plain-v2", Map.of("input_tokens", 10_000L, "cache_read_tokens", 9_000L, "output_tokens", 1_000L), AT))
                .isEqualByComparingTo("0.028");
    }

    @Test
    void aTierAppliesToTheWholeCallAboveItsStart() {
        // at 200000 input tokens: base rates, 200000*1.25 + 1000*10 = 260000 per million
        assertThat(total("acme:tiered", Map.of("input_tokens", 200_000L, "output_tokens", 1_000L), AT)).isEqualByComparingTo("0.26");
        // at 200001: the tier for input and output alike, 200001*2.5 + 1000*15 = 515002.5 per million
        assertThat(total("acme:tiered", Map.of("input_tokens", 200_001L, "output_tokens", 1_000L), AT)).isEqualByComparingTo("0.5150025");
    }

    @Test
    void conditionalPricesFollowTheCallsOwnTime() {
        Map<String, Long> usage = Map.of("input_tokens", 1_000_000L, "output_tokens", 0L);
        assertThat(total("acme:dated", usage, Instant.parse("2026-03-12T23:59:59.999Z"))).isEqualByComparingTo("1");
        assertThat(total("acme:dated", usage, Instant.parse("2026-03-13T00:00:00Z"))).isEqualByComparingTo("2");
        assertThat(total("acme:night", usage, Instant.parse("2026-06-01T21:59:59.999Z"))).isEqualByComparingTo("1");
        assertThat(total("acme:night", usage, Instant.parse("2026-06-01T22:00:00Z"))).isEqualByComparingTo("0.5");
        assertThat(total("acme:night", usage, Instant.parse("2026-06-02T05:59:59.999Z"))).isEqualByComparingTo("0.5");
        assertThat(total("acme:night", usage, Instant.parse("2026-06-02T06:00:00Z"))).isEqualByComparingTo("1");
        // JavaScript dates hold milliseconds: 05:59:59.9999 is 05:59:59.999 there, still night
        assertThat(total("acme:night", usage, Instant.parse("2026-06-02T05:59:59.999900Z"))).isEqualByComparingTo("0.5");
    }

    @Test
    void reasoningHasItsOwnRateWhereTheModelHasOne() {
        // output 1000 of which 600 reasoning: 400*4 + 600*2 + 100*1 = 2900 per million
        assertThat(total("acme:thinking", Map.of("input_tokens", 100L, "output_tokens", 1_000L, "output_reasoning_tokens", 600L), AT))
                .isEqualByComparingTo("0.0029");
    }

    @Test
    void aPerRequestFeeIsPaidOncePerCallAndIsNeitherInputNorOutput() {
        // 5 per thousand requests: 0.005 for the call, plus 1000*1 + 1000*1 per million = 0.002
        Cost cost = calc.price(Map.of("input_tokens", 1_000L, "output_tokens", 1_000L), "acme:per-call", AT).orElseThrow();
        assertThat(cost.total()).isEqualByComparingTo("0.007");
        assertThat(cost.input().add(cost.output())).isEqualByComparingTo("0.002");
    }

    @Test
    void anUnknownModelIsUnpricedNotFree() {
        assertThat(calc.price(Map.of("input_tokens", 1_000L), "acme:missing", AT)).isEmpty();
        assertThat(calc.price(Map.of("input_tokens", 1_000L), "mycorp:plain", AT)).isEmpty();
        assertThat(catalog.find("mycorp:plain").whyNot()).isEqualTo("no provider of the price data is named \"mycorp\"");
        assertThat(catalog.find("acme:missing").whyNot()).isEqualTo("no model of acme matches \"missing\"");
    }

    @Test
    void partsLargerThanWhatTheyArePartOfCannotBePriced() {
        assertThatThrownBy(() -> calc.price(Map.of("input_tokens", 10L, "cache_read_tokens", 11L), "acme:cached", AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input_tokens");
    }

    @Test
    void moneyStaysDecimal() {
        // 0.1 + 0.2 per million: binary floating point would print 0.30000000000000004
        PriceCatalog tenths = TestCatalogs.of("[{'id': 'p', 'name': 'P', 'models': [{'id': 'm', 'match': {'equals': 'm'}, 'prices': {'input_mtok': 0.1, 'output_mtok': 0.2}}]}]");
        assertThat(new PriceCalculator(tenths).price(Map.of("input_tokens", 1_000_000L, "output_tokens", 1_000_000L), "p:m", AT).orElseThrow()
                .total()).isEqualTo(new BigDecimal("0.3"));
    }
}
