package dev.sigil.contract.codec;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The plain-read scans of a short run's first lines (ADR 0230) find what the eight-byte scans find: the newline, and a
 * string's end with its flags, on bytes rich in quotes, backslashes, escapes, control characters and UTF-8 (valid or
 * not), at every offset.
 */
class PlainReadsProperties {

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) '"', (byte) '\\', (byte) '\n', (byte) 'u', (byte) '0', (byte) 'a',
                (byte) 0x1F, (byte) 0x20, (byte) 0x7F, (byte) 0xC3, (byte) 0xA9, (byte) 0xE2, (byte) 0x82, (byte) 0xAC, (byte) 0xFF,
                (byte) 'n', (byte) 't');
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.of((byte) 'x', (byte) ' ', (byte) 'k')),
                net.jqwik.api.Tuple.of(3, interesting), net.jqwik.api.Tuple.of(1, any)).array(byte[].class).ofMaxSize(80);
    }

    @Property(tries = 2000)
    void theNewlineIsFoundAlike(@ForAll("bytes") byte[] b) {
        for (int from = 0; from <= b.length; from++) {
            assertThat(LineSplitter.indexOfPlain(b, from, b.length)).isEqualTo(LineSplitter.indexOf(b, from, b.length));
        }
    }

    @Property(tries = 2000)
    void aStringEndsAlike(@ForAll("bytes") byte[] tail) {
        byte[] b = new byte[tail.length + 1];
        b[0] = '"';
        System.arraycopy(tail, 0, b, 1, tail.length);
        FastJson wide = new FastJson();
        FastJson plain = new FastJson(FastJson.PLAIN_STRINGS);
        for (int end = 1; end <= b.length; end++) {
            int w = wide.string(b, 0, end);
            int p = plain.string(b, 0, end);
            assertThat(p).isEqualTo(w);
            if (w >= 0) {
                assertThat(plain.escaped).isEqualTo(wide.escaped);
                assertThat(plain.nonAscii).isEqualTo(wide.nonAscii);
            }
        }
    }

    @Property(tries = 200)
    void aScannerPastItsPlainStringsScansAlike(@ForAll("bytes") byte[] tail) {
        byte[] b = new byte[tail.length + 1];
        b[0] = '"';
        System.arraycopy(tail, 0, b, 1, tail.length);
        FastJson switching = new FastJson(3);
        FastJson wide = new FastJson();
        for (int round = 0; round < 6; round++) {
            assertThat(switching.string(b, 0, b.length)).isEqualTo(wide.string(b, 0, b.length));
        }
    }
}
