package dev.sigil.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import dev.sigil.contract.codec.StrictUtf8;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** jq's replacement of invalid UTF-8, by its rules; FileMonitorCompatTest checks random bytes against the real jq. */
class JqUtf8Test {

    private static final String R = "\uFFFD";

    private static String repair(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new String(JqUtf8.repair(b, 0, b.length), StandardCharsets.UTF_8);
    }

    @Test
    void oneReplacementPerBadByteOrPerBrokenSequence() {
        assertThat(repair(0xFF, 0xFE, 'o', 'k')).isEqualTo(R + R + "ok");
        assertThat(repair(0xC0, 0xAF)).as("C0 starts nothing; the continuation byte is stray").isEqualTo(R + R);
        assertThat(repair(0xE2, 0x82, '|')).as("missing continuation: the bytes seen so far").isEqualTo(R + "|");
        assertThat(repair(0xED, 0xA0, 0x80, '|')).as("an encoded surrogate is one sequence").isEqualTo(R + "|");
        assertThat(repair(0xF4, 0x90, 0x80, 0x80)).as("above U+10FFFF").isEqualTo(R);
        assertThat(repair(0xE0, 0x80, 0x80)).as("overlong").isEqualTo(R);
        assertThat(repair(0xF8, 0x88, 0x80, 0x80, 0x80)).isEqualTo(R + R + R + R + R);
    }

    @Test
    void aSequenceCutByTheEndOfTheLineSwallowsTheRest() {
        assertThat(repair('a', 0xF0, '"', '}')).isEqualTo("a" + R);
        assertThat(repair('a', 0xE2, '"', '}')).as("long enough: only the lead byte").isEqualTo("a" + R + "\"}");
    }

    @Property
    void validUtf8IsKeptAndTheResultIsAlwaysValid(@ForAll String text, @ForAll byte[] noise) {
        byte[] valid = text.replace('\uD800', 'x').getBytes(StandardCharsets.UTF_8);
        if (StrictUtf8.firstInvalid(valid, 0, valid.length) < 0) {
            assertThat(JqUtf8.repair(valid, 0, valid.length)).isEqualTo(valid);
        }
        byte[] repaired = JqUtf8.repair(noise, 0, noise.length);
        assertThat(StrictUtf8.firstInvalid(repaired, 0, repaired.length)).isEqualTo(-1);
    }
}
