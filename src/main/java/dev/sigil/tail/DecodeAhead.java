package dev.sigil.tail;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.sigil.contract.format.Choice;
import dev.sigil.contract.format.FormatSet;

/**
 * Holds the lines of one read until they are decoded, and decodes a large group of them on two threads: decoding is
 * pure ({@link LineDecoder}) and most of a tailer's work, while everything that depends on order (counts, batches,
 * skipped-line events) stays on the polling thread, which hands the results out in file order
 * (docs/benchmarks.md, ADR 0041). A large group can also be decoded wholly on the helper while the polling thread
 * reads the next one ({@link #decodeLater()}). Small groups (a live log growing a few lines at a time) are decoded on
 * the polling thread; the helper thread is started only when a group is large, and ended by {@link #close()}.
 */
final class DecodeAhead implements AutoCloseable {

    /** Fewer pending lines than this are decoded on the calling thread: a hand-off costs more than it saves. */
    static final int PARALLEL_MIN_LINES = 128;

    private final LineDecoder decoder;
    private final boolean parallel = Runtime.getRuntime().availableProcessors() > 1;
    /** The helper thread, shared by the groups of one emitter. */
    private final Helper helper;
    private Future<?> later;
    /** The first line of the next range a thread may take. */
    private final AtomicInteger nextRange = new AtomicInteger();
    /** Lines a thread takes at a time. */
    static final int RANGE = 64;
    /**
     * What a line costs in memory beyond its bytes once decoded (its entry, its result, its event's fields): a group
     * is weighed with it, so that a group of tiny lines holds no more than a group of large ones.
     */
    static final int LINE_OVERHEAD = 128;
    private byte[] arena = new byte[64 << 10];
    private int used;
    private int count;
    private int[] from = new int[256];
    private int[] to = new int[256];
    private long[] numbers = new long[256];
    private long[] offsets = new long[256];
    private LineDecoder.Result[] results = new LineDecoder.Result[256];
    /** How the group's file is read (its lines are all of one file). */
    private Choice choice = FormatSet.builtIn().initial();

    /** The helper thread, started on first need and shared by the groups of one emitter. */
    private static final class Helper {
        private ExecutorService executor;

        synchronized ExecutorService get() {
            if (executor == null) {
                executor = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "sigil-tail-decode");
                    t.setDaemon(true);
                    return t;
                });
            }
            return executor;
        }

        synchronized void close() {
            if (executor != null) {
                executor.shutdownNow();
                executor = null;
            }
        }
    }

    /**
     * Whether {@link #clear()} keeps the group's array for its next lines: only when nothing reads a handed-out
     * entry's bytes after its event ({@link TailListener#keepsEntries()}, ADR 0302).
     */
    private final boolean reuseArena;

    /** A group sharing {@code sibling}'s helper thread (or with a helper of its own when null). */
    DecodeAhead(LineDecoder decoder, DecodeAhead sibling) {
        this(decoder, sibling, false);
    }

    /** {@link #DecodeAhead(LineDecoder, DecodeAhead)}, its array kept from group to group when {@code reuseArena}. */
    DecodeAhead(LineDecoder decoder, DecodeAhead sibling, boolean reuseArena) {
        this.decoder = decoder;
        this.helper = sibling != null ? sibling.helper : new Helper();
        this.reuseArena = reuseArena;
    }

    int size() {
        return count;
    }

    /** The group's size in memory as it is weighed against its bound: its bytes plus {@link #LINE_OVERHEAD} a line. */
    long weight() {
        return used + (long) count * LINE_OVERHEAD;
    }

    /** How the pending lines are to be read: set before {@link #decode()} or {@link #decodeLater()}. */
    void choice(Choice c) {
        choice = c;
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
        if (decodeLater()) {
            awaitDecoded();
        }
    }

    /**
     * Starts decoding the pending lines on the helper thread and returns true, or returns false (one core, or a group
     * too small to be worth it) having decoded them here. Either way {@link #awaitDecoded()} then
     * {@link #result(int)} give the results. The lines are taken {@link #RANGE} at a time, by the helper and, once it
     * waits in {@link #awaitDecoded()}, by the caller too: whichever thread has time decodes (the monitor's polling
     * thread has little else to do, `sigil tail`'s prints the previous group meanwhile).
     */
    boolean decodeLater() {
        if (!parallel || count < PARALLEL_MIN_LINES) {
            decodeRange(0, count);
            return false;
        }
        int n = count;
        nextRange.set(0);
        later = helper.get().submit(() -> takeRanges(n));
        return true;
    }

    /** Helps with what {@link #decodeLater()} started, then waits for the helper's last range. */
    void awaitDecoded() {
        if (later != null) {
            takeRanges(count);
            await(later);
            later = null;
        }
    }

    private void takeRanges(int n) {
        while (true) {
            int start = nextRange.getAndAdd(RANGE);
            if (start >= n) {
                return;
            }
            decodeRange(start, Math.min(n, start + RANGE));
        }
    }

    private static void await(Future<?> work) {
        boolean interrupted = false;
        while (true) {
            try {
                work.get();
                break;
            } catch (InterruptedException e) {
                // The helper is writing into the results: wait for it, and keep the interrupt for the caller.
                interrupted = true;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Error err) {
                    throw err; // out of memory on the helper: the caller says what was being read
                }
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void decodeRange(int start, int end) {
        for (int i = start; i < end; i++) {
            results[i] = decoder.decode(numbers[i], offsets[i], arena, from[i], to[i], true, choice);
        }
    }

    LineDecoder.Result result(int i) {
        return results[i];
    }

    /**
     * Forgets the group. Entries keep the lines' bytes in this group's array (no copy per line), so the next group
     * gets a new array, as large as this one needed (64 KiB to 4 MiB); unless the group reuses its array, whose
     * entries are done with by then (ADR 0302: allocating and zeroing a megabyte a group was a tenth of the CPU).
     */
    void clear() {
        Arrays.fill(results, 0, count, null);
        if (count > 0) {
            int wanted = Math.min(Math.max(64 << 10, Integer.highestOneBit(Math.max(1, used - 1)) << 1), 4 << 20);
            if (!reuseArena || arena.length < wanted || arena.length > 2 * wanted) {
                arena = new byte[wanted];
            }
        }
        count = 0;
        used = 0;
    }

    /** Ends the helper thread (of every group sharing it). */
    @Override
    public void close() {
        helper.close();
    }
}
