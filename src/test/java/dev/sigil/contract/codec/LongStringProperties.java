package dev.sigil.contract.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Strings longer than the block the writers reserve room for at a time ({@link PythonJsonWriter#BLOCK}): the exact
 * writer escapes each character as it escapes it alone, the fast path writes what the exact path writes, and escapes
 * and multi-byte characters that straddle a block are written whole. The room reserved stays near the string's size.
 */
class LongStringProperties {

    private static final String[] UNITS = {"a", "Z", " ", "\n", "\t", "\"", "\\", "/", "\u0000", "\u001f", "\u007f", "é", "ß",
        "日本", "😀", "\ud800", "\udfff", "\u2028", "x".repeat(17), "\r\n"};

    @Provide
    Arbitrary<String> strings() {
        return Arbitraries.of(UNITS).list().ofMinSize(4000).ofMaxSize(10000).map(l -> String.join("", l));
    }

    @Property(tries = 60)
    void eachCharacterIsEscapedAsAlone(@ForAll("strings") String s) {
        ByteSink whole = new ByteSink();
        PythonJsonWriter.writeString(s, whole);
        StringBuilder one = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            ByteSink alone = new ByteSink();
            PythonJsonWriter.writeString(String.valueOf(c), alone);
            String text = alone.toString();
            one.append(text, 1, text.length() - 1);
        }
        assertThat(whole.toString()).isEqualTo(one.append('"').toString());
    }

    @Property(tries = 60)
    void theFastPathWritesWhatTheExactPathWrites(@ForAll("strings") String s) {
        ByteSink line = new ByteSink();
        line.writeAscii("{\"output\":");
        PythonJsonWriter.writeString(s, line);
        line.write('}');
        byte[] bytes = line.toString().getBytes(StandardCharsets.US_ASCII);
        // The same value as raw UTF-8 where it can be (the fast path then decodes multi-byte characters itself).
        byte[] raw = ("{\"output\":" + line.toString().substring(10, line.size() - 1).replace("\\u00e9", "é").replace("\\u65e5", "日")
                + "}").getBytes(StandardCharsets.UTF_8);
        for (byte[] text : new byte[][] {bytes, raw}) {
            ByteSink fast = new ByteSink(16);
            assertThat(new FastCanonical().write(text, 0, text.length, fast)).isTrue();
            ByteSink exact = new ByteSink();
            new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS).write(new PythonJsonReader().read(text), exact);
            assertThat(fast.toString()).isEqualTo(exact.toString());
            assertThat(fast.array().length).as("room reserved for %d bytes", text.length).isLessThan(3 * text.length + (64 << 10));
        }
    }
}
