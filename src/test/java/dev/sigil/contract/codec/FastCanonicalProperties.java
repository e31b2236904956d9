package dev.sigil.contract.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import dev.sigil.testing.EntryArbitraries;
import dev.sigil.testing.JsonArbitraries;
import dev.sigil.testing.JsonTextArbitraries;
import dev.sigil.testing.JsonTexts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The fast paths of the codec against the exact one: whatever {@link FastCanonical} writes is what the reader and
 * writer write, whatever {@link FastJson} accepts the reader accepts, and CPython's own lines take the fast path.
 */
class FastCanonicalProperties {

    private final PythonJsonReader reader = new PythonJsonReader();
    private final PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);

    @Provide
    Arbitrary<byte[]> texts() {
        return Arbitraries.oneOf(JsonTexts.of(JsonArbitraries.values()), JsonTexts.of(EntryArbitraries.entries()),
                JsonTextArbitraries.lines());
    }

    @Property(tries = 4000)
    void whatTheFastPathWritesIsWhatTheExactPathWrites(@ForAll("texts") byte[] line) {
        ByteSink fast = new ByteSink();
        boolean taken = new FastCanonical().write(line, 0, line.length, fast);
        Statistics.collect(taken ? "fast" : "exact");
        if (taken) {
            ByteSink exact = new ByteSink();
            writer.write(reader.read(line), exact);
            assertThat(fast.toString()).isEqualTo(exact.toString());
        } else {
            assertThat(fast.size()).isZero();
        }
    }

    @Property(tries = 4000)
    void whatTheRecogniserAcceptsTheReaderReads(@ForAll("texts") byte[] line) {
        FastJson scan = new FastJson();
        int end = scan.value(line, FastJson.skipWs(line, 0, line.length), line.length, 0);
        if (end >= 0 && FastJson.skipWs(line, end, line.length) == line.length) {
            reader.read(line); // throws if the line is not JSON CPython reads
        }
    }

    @Property(tries = 2000)
    void cpythonsOwnLinesTakeTheFastPath(@ForAll("entries") byte[] line) {
        ByteSink fast = new ByteSink();
        assertThat(new FastCanonical().write(line, 0, line.length, fast)).isTrue();
        assertThat(fast.toByteArray()).isEqualTo(line);
    }

    @Provide
    Arbitrary<byte[]> entries() {
        // Canonical bytes of entries, but for what the fast path leaves alone on purpose: NaN and the infinities,
        // integers of more than FastJson.MAX_DIGITS digits.
        return EntryArbitraries.entries().map(writer::encode)
                .filter(b -> !new String(b, StandardCharsets.US_ASCII).matches(".*(NaN|Infinity|[0-9]{" + FastJson.MAX_DIGITS + "}).*"));
    }

    @Example
    void floatsAlreadyInReprFormAreCopied() {
        for (String s : new String[] {"0.0", "-0.0", "5.0", "0.5", "0.0001", "2206.4", "123456789012345.0", "-1.25"}) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertThat(FastCanonical.isRepr(b, 0, b.length)).as(s).isTrue();
        }
        for (String s : new String[] {"0.00001", "1.50", "1e5", "5", "1234567890123456.0", "0.1000000000000000055", "10.10"}) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertThat(FastCanonical.isRepr(b, 0, b.length)).as(s).isFalse();
        }
    }
}
