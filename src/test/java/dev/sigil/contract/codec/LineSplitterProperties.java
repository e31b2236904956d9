package dev.sigil.contract.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The line splitter against a reference split written here: any chunking of the same bytes gives the same lines,
 * over-long lines are reported with their exact length, and memory stays bounded however long a line is.
 */
class LineSplitterProperties {

    /** What the handler saw: a line's bytes, or a skipped line's length. */
    private record Seen(long number, String line, long tooLongLength) {
    }

    private static List<Seen> split(byte[] input, int max, int[] chunks) throws IOException {
        List<Seen> seen = new ArrayList<>();
        new LineSplitter(max).split(new ChunkedStream(input, chunks), new LineSplitter.Handler() {
            @Override
            public void line(long number, byte[] bytes, int from, int to) {
                seen.add(new Seen(number, new String(bytes, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1), -1));
            }

            @Override
            public void tooLong(long number, long length) {
                seen.add(new Seen(number, null, length));
            }
        });
        return seen;
    }

    /** The definition of docs/contract.md section 7, directly: bytes before each \n, then what follows the last one. */
    private static List<Seen> reference(byte[] input, int max) {
        List<Seen> seen = new ArrayList<>();
        int start = 0;
        long number = 0;
        for (int i = 0; i <= input.length; i++) {
            boolean end = i == input.length;
            if (end && start == input.length) {
                break;
            }
            if (end || input[i] == '\n') {
                int length = i - start;
                seen.add(length > max ? new Seen(++number, null, length)
                        : new Seen(++number, new String(input, start, length, java.nio.charset.StandardCharsets.ISO_8859_1), -1));
                start = i + 1;
            }
        }
        return seen;
    }

    @Provide
    Arbitrary<byte[]> inputs() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.bytes().withDistribution(net.jqwik.api.RandomDistribution.uniform())),
                net.jqwik.api.Tuple.of(2, Arbitraries.of((byte) '\n', (byte) '\r', (byte) 'a', (byte) ' ')))
                .array(byte[].class).ofMaxSize(3000);
    }

    @Property(tries = 500)
    void anyChunkingGivesTheSameLines(@ForAll("inputs") byte[] input, @ForAll @IntRange(min = 1, max = 200) int max,
                                      @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 300) Integer> chunks) throws IOException {
        int[] sizes = chunks.stream().mapToInt(Integer::intValue).toArray();
        assertThat(split(input, max, sizes)).isEqualTo(reference(input, max));
    }

    @Property(tries = 200)
    void longLinesAcrossManyReadsAreCountedExactly(@ForAll @IntRange(min = 0, max = 300_000) int longLength,
                                                   @ForAll @IntRange(min = 1, max = 70_000) int max, @ForAll boolean finalNewline) throws IOException {
        byte[] input = new byte[longLength + 8 + (finalNewline ? 1 : 0)];
        Arrays.fill(input, (byte) 'x');
        input[0] = 'a';
        input[1] = '\n';
        input[input.length - (finalNewline ? 1 : 0) - 6] = '\n';
        if (finalNewline) {
            input[input.length - 1] = '\n';
        }
        assertThat(split(input, max, new int[] {8191, 65536, 1, 100_000})).isEqualTo(reference(input, max));
    }

    @Example
    void theLargestBoundWorks() throws IOException {
        byte[] input = "a\nbb\nccc".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(split(input, Integer.MAX_VALUE, new int[] {2})).isEqualTo(reference(input, Integer.MAX_VALUE));
    }

    /** A 256 MiB line costs the splitter no more than its bound: allocation is measured, not guessed. */
    @Example
    void memoryIsBoundedWhateverTheLineLength() throws IOException {
        long length = 256L << 20;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        long[] reported = {-1};
        long lines = new LineSplitter(4096).split(new EndlessLine(length), new LineSplitter.Handler() {
            @Override
            public void line(long number, byte[] bytes, int from, int to) {
            }

            @Override
            public void tooLong(long number, long len) {
                reported[0] = len;
            }
        });
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(lines).isEqualTo(1);
        assertThat(reported[0]).isEqualTo(length);
        assertThat(allocated).as("bytes allocated while skipping a 256 MiB line").isLessThan(1L << 20);
    }

    /** Hands out the input in the given chunk sizes, cycling, the way pipes and sockets do. */
    private static final class ChunkedStream extends InputStream {
        private final ByteArrayInputStream in;
        private final int[] chunks;
        private int next;

        ChunkedStream(byte[] input, int[] chunks) {
            this.in = new ByteArrayInputStream(input);
            this.chunks = chunks.length == 0 ? new int[] {Integer.MAX_VALUE} : chunks;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int chunk = chunks[next++ % chunks.length];
            return in.read(b, off, Math.min(len, chunk));
        }
    }

    /** One line of {@code length} bytes and no newline, made up as it is read. */
    private static final class EndlessLine extends InputStream {
        private long left;

        EndlessLine(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            return left-- > 0 ? 'x' : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, (byte) 'x');
            left -= n;
            return n;
        }
    }
}
