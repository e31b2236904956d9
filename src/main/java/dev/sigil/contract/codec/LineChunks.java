package dev.sigil.contract.codec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Cuts a stream into chunks of whole lines, has workers process them on every core, and hands the results back in
 * stream order on the calling thread (docs/benchmarks.md, ADR 0041). The lines are exactly those of
 * {@link LineSplitter}: a chunk ends just after a {@code \n}, the last one may end without. A line longer than a
 * chunk can hold switches to {@link LineSplitter} for the rest of the stream, so the bound on a line
 * ({@code maxLineBytes}) and the reports of over-long lines stay those of the splitter.
 *
 * @param <R> what a worker makes of a chunk
 */
public final class LineChunks<R> {

    /** What a worker does with the lines of {@code bytes[from, to)}; runs on any thread. */
    @FunctionalInterface
    public interface Worker<R> {
        R process(byte[] bytes, int from, int to);
    }

    /** Takes the result of each chunk, in order, on the calling thread. */
    public interface Consumer<R> {
        void chunk(byte[] bytes, int from, int to, R result) throws IOException;

        /**
         * A line too long for a chunk came up: from here on, the rest of the stream is {@code rest}, to be split
         * sequentially ({@link LineSplitter}) by the consumer.
         */
        void rest(InputStream rest) throws IOException;
    }

    /** Bytes per chunk: large enough that a hand-off costs nothing next to the work. */
    public static final int CHUNK_BYTES = 2 << 20;

    private final int threads;
    private final int chunkBytes;

    public LineChunks(int threads, int chunkBytes) {
        this.threads = Math.max(1, threads);
        this.chunkBytes = chunkBytes;
    }

    /** As many workers as the machine has cores, with {@link #CHUNK_BYTES} chunks. */
    public static <R> LineChunks<R> forThisMachine() {
        return new LineChunks<>(Runtime.getRuntime().availableProcessors(), CHUNK_BYTES);
    }

    private record Pending<R>(byte[] buffer, int length, Future<R> result) {
    }

    /** Reads {@code in} to its end. */
    public void run(InputStream in, Worker<R> worker, Consumer<R> consumer) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sigil-lines");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Pending<R>> inFlight = new ArrayDeque<>();
        ArrayDeque<byte[]> free = new ArrayDeque<>();
        try {
            byte[] buf = new byte[chunkBytes];
            int filled = 0;
            while (true) {
                int n = in.read(buf, filled, buf.length - filled);
                if (n > 0) {
                    filled += n;
                    if (filled < buf.length) {
                        continue;
                    }
                }
                boolean end = n < 0;
                int cut = end ? filled : lastNewline(buf, filled) + 1;
                if (cut == 0 && !end) {
                    // One line fills the whole chunk: the splitter takes over, bound and reports included.
                    drain(inFlight, consumer, 0);
                    consumer.rest(new SequenceInputStream(new ByteArrayInputStream(buf, 0, filled), in));
                    return;
                }
                if (cut > 0) {
                    byte[] chunk = buf;
                    int length = cut;
                    inFlight.add(new Pending<>(chunk, length, pool.submit(() -> worker.process(chunk, 0, length))));
                    byte[] next = free.isEmpty() ? new byte[chunkBytes] : free.poll();
                    System.arraycopy(buf, cut, next, 0, filled - cut);
                    filled -= cut;
                    buf = next;
                }
                drain(inFlight, consumer, end ? 0 : threads + 1).forEach(free::add);
                if (end) {
                    return;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Hands out results, oldest first, until at most {@code keep} chunks are in flight; returns the freed buffers. */
    private static <R> java.util.List<byte[]> drain(ArrayDeque<Pending<R>> inFlight, Consumer<R> consumer, int keep) throws IOException {
        java.util.List<byte[]> freed = new java.util.ArrayList<>();
        while (inFlight.size() > keep) {
            Pending<R> p = inFlight.poll();
            consumer.chunk(p.buffer(), 0, p.length(), await(p.result()));
            freed.add(p.buffer());
        }
        return freed;
    }

    private static <R> R await(Future<R> f) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int lastNewline(byte[] b, int end) {
        for (int i = end - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
