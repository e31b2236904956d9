package dev.sigil.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** The pure line assembler: chunking never changes the lines, partial lines never escape, memory stays bounded. */
class LineAssemblerProperties {

    /** What the assembler reported, as comparable text. */
    static final class Recorder implements LineAssembler.Sink {
        final List<String> events = new ArrayList<>();

        @Override
        public void line(long number, long offset, byte[] bytes, int from, int to) {
            events.add("line " + number + " @" + offset + " " + Arrays.toString(Arrays.copyOfRange(bytes, from, to)));
        }

        @Override
        public void tooLong(long number, long offset, long length) {
            events.add("long " + number + " @" + offset + " " + length);
        }
    }

    /** The lines of {@code data} by definition: split at every newline; the bytes after the last one are not a line. */
    static List<String> expected(byte[] data, int max) {
        List<String> out = new ArrayList<>();
        int start = 0;
        long number = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                number++;
                int length = i - start;
                out.add(length > max ? "long " + number + " @" + start + " " + length
                        : "line " + number + " @" + start + " " + Arrays.toString(Arrays.copyOfRange(data, start, i)));
                start = i + 1;
            }
        }
        return out;
    }

    @Provide
    Arbitrary<byte[]> logBytes() {
        Arbitrary<byte[]> line = Arbitraries.bytes().list().ofMaxSize(40).map(l -> {
            byte[] b = new byte[l.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = l.get(i) == '\n' ? (byte) 'x' : l.get(i);
            }
            return b;
        });
        Arbitrary<byte[]> longLine = Arbitraries.integers().between(30, 300).map(n -> {
            byte[] b = new byte[n];
            Arrays.fill(b, (byte) 'L');
            return b;
        });
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(java.util.List.of(Tuple.of(8, line), Tuple.of(1, longLine)));
        return piece.list().ofMaxSize(30).flatMap(pieces -> Arbitraries.of(true, false).map(endsWithNewline -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < pieces.size(); i++) {
                out.writeBytes(pieces.get(i));
                if (i < pieces.size() - 1 || endsWithNewline) {
                    out.write('\n');
                }
            }
            return out.toByteArray();
        }));
    }

    @Provide
    Arbitrary<int[]> cuts() {
        return Arbitraries.integers().between(0, 2000).array(int[].class).ofMaxSize(40);
    }

    static void feedChunked(LineAssembler a, byte[] data, int[] cuts, LineAssembler.Sink sink) {
        int[] points = Arrays.stream(cuts).map(c -> data.length == 0 ? 0 : c % (data.length + 1)).sorted().toArray();
        int from = 0;
        for (int p : points) {
            a.feed(data, from, p - from, sink);
            from = p;
        }
        a.feed(data, from, data.length - from, sink);
    }

    @Property
    void anyChunkingGivesTheSameLines(@ForAll("logBytes") byte[] data, @ForAll("cuts") int[] cuts,
                                      @ForAll @IntRange(min = 1, max = 64) int max) {
        Recorder whole = new Recorder();
        new LineAssembler(max).feed(data, 0, data.length, whole);
        Recorder chunked = new Recorder();
        feedChunked(new LineAssembler(max), data, cuts, chunked);
        assertThat(chunked.events).isEqualTo(whole.events).isEqualTo(expected(data, max));
    }

    @Property
    void aPartialLineIsNeverHandedOutUntilFinish(@ForAll("logBytes") byte[] data, @ForAll("cuts") int[] cuts,
                                                 @ForAll @IntRange(min = 1, max = 64) int max) {
        LineAssembler a = new LineAssembler(max);
        Recorder r = new Recorder();
        feedChunked(a, data, cuts, r);
        int lastNewline = lastIndexOf(data, (byte) '\n');
        int tail = data.length - lastNewline - 1;
        assertThat(r.events).hasSize(count(data, (byte) '\n'));
        assertThat(a.hasPartial()).isEqualTo(tail > 0);
        assertThat(a.pendingLength()).isEqualTo(tail);
        assertThat(a.pendingOffset()).isEqualTo(lastNewline + 1);
        a.finish(r);
        assertThat(r.events).hasSize(count(data, (byte) '\n') + (tail > 0 ? 1 : 0));
        assertThat(a.hasPartial()).isFalse();
    }

    @Property
    void aDiscardedPartialIsNeverGluedToWhatFollows(@ForAll("logBytes") byte[] before, @ForAll("logBytes") byte[] after,
                                                    @ForAll("cuts") int[] cuts) {
        LineAssembler a = new LineAssembler(1 << 16);
        Recorder r = new Recorder();
        feedChunked(a, before, cuts, r);
        a.discardPartial();
        Recorder rest = new Recorder();
        LineAssembler fresh = new LineAssembler(1 << 16);
        List<byte[]> linesAfter = new ArrayList<>();
        fresh.feed(after, 0, after.length, new LineAssembler.Sink() {
            @Override
            public void line(long number, long offset, byte[] bytes, int from, int to) {
                linesAfter.add(Arrays.copyOfRange(bytes, from, to));
            }

            @Override
            public void tooLong(long number, long offset, long length) {
            }
        });
        List<byte[]> got = new ArrayList<>();
        a.feed(after, 0, after.length, new LineAssembler.Sink() {
            @Override
            public void line(long number, long offset, byte[] bytes, int from, int to) {
                got.add(Arrays.copyOfRange(bytes, from, to));
            }

            @Override
            public void tooLong(long number, long offset, long length) {
            }
        });
        assertThat(got).containsExactlyElementsOf(linesAfter);
        assertThat(rest.events).isEmpty();
    }

    @Property(tries = 200)
    void memoryStaysWithinTheBoundWhateverTheLineLength(@ForAll @IntRange(min = 2, max = 20_000) int max,
                                                        @ForAll @IntRange(min = 0, max = 200_000) int lineLength,
                                                        @ForAll @IntRange(min = 1, max = 9_000) int chunk) {
        LineAssembler a = new LineAssembler(max);
        Recorder r = new Recorder();
        byte[] piece = new byte[chunk];
        Arrays.fill(piece, (byte) 'x');
        int fed = 0;
        while (fed < lineLength) {
            int n = Math.min(chunk, lineLength - fed);
            a.feed(piece, 0, n, r);
            fed += n;
            assertThat(a.capacity()).isLessThanOrEqualTo(max);
        }
        a.feed(new byte[] {'\n', 'o', 'k', '\n'}, 0, 4, r);
        assertThat(a.capacity()).isLessThanOrEqualTo(max);
        assertThat(r.events).hasSize(2);
        assertThat(r.events.get(0)).startsWith(lineLength > max ? "long 1 @0 " + lineLength : "line 1 @0");
        assertThat(r.events.get(1)).isEqualTo("line 2 @" + (lineLength + 1) + " [111, 107]");
    }

    private static int count(byte[] data, byte b) {
        int n = 0;
        for (byte x : data) {
            if (x == b) {
                n++;
            }
        }
        return n;
    }

    private static int lastIndexOf(byte[] data, byte b) {
        for (int i = data.length - 1; i >= 0; i--) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
