package dev.sigil.contract.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * StrictUtf8 agrees with the JDK's strict UTF-8 decoder (errors reported, nothing replaced) on where the first
 * invalid sequence starts, and counts characters as the decoder does.
 */
class StrictUtf8Properties {

    /** Byte soup biased towards UTF-8's structure: lead bytes of every length, continuations, and the edge bytes. */
    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0, 0x10FFFF).filter(c -> c < 0xD800 || c > 0xDFFF)
                        .map(c -> new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8))),
                Tuple.of(3, Arbitraries.integers().between(0, 255).map(b -> new byte[] {b.byteValue()})),
                Tuple.of(2, Arbitraries.of(0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x9F, 0xA0, 0x8F, 0x90)
                        .map(b -> new byte[] {b.byteValue()})));
        return piece.list().ofMaxSize(40).map(list -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            list.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    private static int jdkFirstInvalid(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 2);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            return in.position();
        }
        r = decoder.flush(out);
        return r.isError() ? in.position() : -1;
    }

    @Property(tries = 10_000)
    void findsTheSameFirstInvalidByteAsTheJdk(@ForAll("bytes") byte[] bytes) {
        assertThat(StrictUtf8.firstInvalid(bytes, 0, bytes.length)).isEqualTo(jdkFirstInvalid(bytes));
    }

    @Property(tries = 5_000)
    void countsCharactersOfValidTextAsJavaDoes(@ForAll("bytes") byte[] bytes) {
        if (jdkFirstInvalid(bytes) >= 0) {
            return;
        }
        String s = new String(bytes, StandardCharsets.UTF_8);
        assertThat(StrictUtf8.codePoints(bytes, 0, bytes.length)).isEqualTo(s.codePointCount(0, s.length()));
    }

    @Property(tries = 2_000)
    void worksOnSlices(@ForAll("bytes") byte[] bytes, @ForAll("bytes") byte[] before) {
        byte[] joined = new byte[before.length + bytes.length];
        System.arraycopy(before, 0, joined, 0, before.length);
        System.arraycopy(bytes, 0, joined, before.length, bytes.length);
        int expected = jdkFirstInvalid(bytes);
        assertThat(StrictUtf8.firstInvalid(joined, before.length, joined.length)).isEqualTo(expected < 0 ? -1 : expected + before.length);
    }
}
