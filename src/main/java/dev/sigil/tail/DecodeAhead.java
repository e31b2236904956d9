package dev.sigil.tail;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Holds the lines of one read until they are decoded, and decodes a large group of them on two threads: decoding is
 * pure ({@link LineDecoder}) and most of a tailer's work, while everything that depends on order (counts, batches,
 * skipped-line events) stays on the polling thread, which hands the results out in file order
 * (docs/benchmarks.md, ADR 0041). Small groups (a live log growing a few lines at a time) are decoded on the polling
 * thread; the helper thread is started only when a group is large, and ended by {@link #close()}.
 */
final class DecodeAhead implements AutoCloseable {

    /** Fewer pending lines than this are decoded on the calling thread: a hand-off costs more than it saves. */
    static final int PARALLEL_MIN_LINES = 128;

    private final LineDecoder decoder;
    private final boolean parallel = Runtime.getRuntime().availableProcessors() > 1;
    private byte[] arena = new byte[64 << 10];
    private int used;
    private int count;
    private int[] from = new int[256];
    private int[] to = new int[256];
    private long[] numbers = new long[256];
    private long[] offsets = new long[256];
    private LineDecoder.Result[] results = new LineDecoder.Result[256];
    private ExecutorService helper;

    DecodeAhead(LineDecoder decoder) {
        this.decoder = decoder;
    }

    int size() {
        return count;
    }

    int bytes() {
        return used;
    }

    long number(int i) {
        return numbers[i];
    }

    long offset(int i) {
        return offsets[i];
    }

    int length(int i) {
        return to[i] - from[i];
    }

    /** Keeps a copy of line {@code number} ({@code bytes[start, end)}) until {@link #decode()}. */
    void add(long number, long offset, byte[] bytes, int start, int end) {
        int n = end - start;
        if (used + n > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + n));
        }
        if (count == from.length) {
            int c = count * 2;
            from = Arrays.copyOf(from, c);
            to = Arrays.copyOf(to, c);
            numbers = Arrays.copyOf(numbers, c);
            offsets = Arrays.copyOf(offsets, c);
            results = Arrays.copyOf(results, c);
        }
        System.arraycopy(bytes, start, arena, used, n);
        from[count] = used;
        to[count] = used + n;
        numbers[count] = number;
        offsets[count] = offset;
        used += n;
        count++;
    }

    /** Decodes every pending line; {@link #result(int)} then gives them in order until {@link #clear()}. */
    void decode() {
        if (!parallel || count < PARALLEL_MIN_LINES) {
            decodeRange(0, count);
            return;
        }
        if (helper == null) {
            helper = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "sigil-tail-decode");
                t.setDaemon(true);
                return t;
            });
        }
        int half = count / 2;
        Future<?> second = helper.submit(() -> decodeRange(half, count));
        decodeRange(0, half);
        boolean interrupted = false;
        while (true) {
            try {
                second.get();
                break;
            } catch (InterruptedException e) {
                // The helper is writing into the results: wait for it, and keep the interrupt for the caller.
                interrupted = true;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void decodeRange(int start, int end) {
        for (int i = start; i < end; i++) {
            results[i] = decoder.decode(numbers[i], offsets[i], arena, from[i], to[i]);
        }
    }

    LineDecoder.Result result(int i) {
        return results[i];
    }

    void clear() {
        Arrays.fill(results, 0, count, null);
        count = 0;
        used = 0;
        if (arena.length > 4 << 20) {
            arena = new byte[64 << 10];
        }
    }

    @Override
    public void close() {
        if (helper != null) {
            helper.shutdownNow();
            helper = null;
        }
    }
}
