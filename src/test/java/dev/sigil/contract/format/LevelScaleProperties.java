package dev.sigil.contract.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** A whole number's level, looked up in the scale's arrays, is the level of the same number as a double (the floor table). */
class LevelScaleProperties {

    @Property(tries = 3000)
    void aWholeNumbersLevelIsItsDoublesLevel(@ForAll @LongRange(min = -100, max = 100) long small,
                                             @ForAll @LongRange(min = -(1L << 53), max = 1L << 53) long any) {
        LevelScale table = LevelScale.of(Map.of("3", "debug", "7", "error", "-5", "trace"));
        for (LevelScale scale : new LevelScale[] {LevelScale.named("pino"), LevelScale.named("python"), LevelScale.named("otel"), table}) {
            assertThat(scale.level(small)).isEqualTo(scale.level((double) small));
            assertThat(scale.level(any)).isEqualTo(scale.level((double) any));
        }
    }
}
