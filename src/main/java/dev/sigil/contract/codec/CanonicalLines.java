package dev.sigil.contract.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites JSON Lines into the canonical byte form, line by line: each line as CPython's
 * {@code json.dumps(json.loads(line), separators=(',', ':'))} writes it, then a newline; blank lines dropped; lines
 * that are not JSON, too long, or too large for the heap reported and left out. What {@code sigil fmt} does. {@link FastCanonical} takes the
 * lines it can, {@link PythonJsonReader} and {@link PythonJsonWriter} the others, with the same bytes either way.
 */
public final class CanonicalLines {

    /** Where the lines left out are reported, in order. */
    public interface Problems {
        /**
         * Line {@code number} is not JSON CPython reads ({@code column} 1-based), or holds a value it cannot write
         * ({@code column} 0).
         */
        void notJson(long number, String reason, int column);

        /** Line {@code number} had {@code length} bytes, more than the bound; it was skipped. */
        void tooLong(long number, long length);

        /** Line {@code number} ({@code length} bytes) needed more memory than the heap has; it was skipped. */
        void outOfMemory(long number, long length);
    }

    private final int maxLineBytes;
    private final PythonJsonReader reader = new PythonJsonReader();
    private final PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);
    private final ThreadLocal<FastCanonical> fast = ThreadLocal.withInitial(FastCanonical::new);

    public CanonicalLines(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /** A problem found by a worker, reported later in order: not JSON (reason, column), too long, or out of memory. */
    private record Found(long index, String reason, int column, long tooLong, long outOfMemory) {

        Found(long index, String reason, int column) {
            this(index, reason, column, -1, -1);
        }

        void reportTo(Problems problems, long before) {
            if (tooLong >= 0) {
                problems.tooLong(before + index, tooLong);
            } else if (outOfMemory >= 0) {
                problems.outOfMemory(before + index, outOfMemory);
            } else {
                problems.notJson(before + index, reason, column);
            }
        }
    }

    /** What a worker made of a chunk: the canonical bytes and the problems, lines numbered from 1 in the chunk. */
    private record Done(ByteSink bytes, List<Found> problems, long lines) {
    }

    /** Rewrites {@code in} to {@code out}, one line after the other (for pipes and small files). Returns the line count. */
    public long rewrite(InputStream in, OutputStream out, Problems problems) throws IOException {
        ByteSink sink = new ByteSink(1 << 12);
        return new LineSplitter(maxLineBytes).split(in, new LineSplitter.Handler() {
            @Override
            public void line(long number, byte[] bytes, int from, int to) throws IOException {
                sink.reset();
                Found f = rewriteLine(number, bytes, from, to, sink);
                if (f != null) {
                    f.reportTo(problems, 0);
                }
                sink.writeTo(out);
            }

            @Override
            public void tooLong(long number, long length) {
                problems.tooLong(number, length);
            }
        });
    }

    /** {@link #rewrite}, with the lines rewritten on every core and written in order (large regular files). */
    public void rewriteInParallel(InputStream in, OutputStream out, Problems problems) throws IOException {
        rewriteInParallel(in, out, problems, new LineChunks<>(Runtime.getRuntime().availableProcessors(), LineChunks.CHUNK_BYTES));
    }

    /** {@link #rewriteInParallel} with the given chunks (tests use tiny ones). */
    void rewriteInParallel(InputStream in, OutputStream out, Problems problems, LineChunks<Object> chunks) throws IOException {
        long[] before = {0};
        chunks.run(in, this::rewriteChunk, new LineChunks.Consumer<>() {
            @Override
            public void chunk(byte[] bytes, int from, int to, Object result) throws IOException {
                Done done = (Done) result;
                done.bytes().writeTo(out);
                for (Found f : done.problems()) {
                    f.reportTo(problems, before[0]);
                }
                before[0] += done.lines();
            }

            @Override
            public void rest(InputStream rest) throws IOException {
                long offset = before[0];
                rewrite(rest, out, new Problems() {
                    @Override
                    public void notJson(long number, String reason, int column) {
                        problems.notJson(offset + number, reason, column);
                    }

                    @Override
                    public void tooLong(long number, long length) {
                        problems.tooLong(offset + number, length);
                    }

                    @Override
                    public void outOfMemory(long number, long length) {
                        problems.outOfMemory(offset + number, length);
                    }
                });
            }
        });
    }

    private Done rewriteChunk(byte[] b, int from, int to) {
        ByteSink sink = new ByteSink(to - from + (to - from) / 8 + 64);
        List<Found> found = new ArrayList<>();
        long lines;
        try {
            lines = new LineSplitter(maxLineBytes).splitChunk(b, from, to, 0, new LineSplitter.Handler() {
                @Override
                public void line(long number, byte[] bytes, int start, int end) {
                    Found f = rewriteLine(number, bytes, start, end, sink);
                    if (f != null) {
                        found.add(f);
                    }
                }

                @Override
                public void tooLong(long number, long length) {
                    found.add(new Found(number, null, 0, length, -1));
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // the handler does no I/O
        }
        return new Done(sink, found, lines);
    }

    /** Appends the canonical line and its newline to {@code sink}; returns the problem instead, or null. */
    private Found rewriteLine(long number, byte[] bytes, int from, int to, ByteSink sink) {
        if (LineSplitter.isBlank(bytes, from, to)) {
            return null;
        }
        int mark = sink.size();
        try {
            if (to - from > FastJson.MAX_LINE_BYTES || !fast.get().write(bytes, from, to, sink)) {
                writer.write(reader.read(bytes, from, to), sink);
            }
        } catch (JsonSyntaxException e) {
            sink.truncate(mark);
            return new Found(number, e.reason(), e.column());
        } catch (IllegalArgumentException e) {
            sink.truncate(mark);
            return new Found(number, e.getMessage(), 0);
        } catch (OutOfMemoryError e) {
            // The line's value (or its encoding) did not fit in the heap; what it allocated is garbage again now.
            sink.truncate(mark);
            sink.trim();
            return new Found(number, null, 0, -1, to - from);
        }
        sink.write('\n');
        return null;
    }
}
