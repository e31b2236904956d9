package dev.sigil.tail;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.format.FormatSet;

/**
 * Follows one or more names like {@code tail -F}, by polling: each {@link #poll()} reads what is new in every source,
 * in the order the sources were given, and reports it to the listener as {@link TailEvent}s in file order. Nothing
 * is lost or repeated across rotations (the old file is read to its end first and a while longer), truncations and
 * rewrites restart at byte 0, an unterminated last line is held until its newline comes, and every buffer is bounded.
 *
 * <p>Threading: {@link #poll()}, {@link #readAll()} and {@link #run()} must be called from one thread at a time; the
 * listener is called on that thread. {@link #stop()} and {@link #stats()} may be called from any thread.
 */
public final class Tailer implements Closeable {

    private final List<NameFollower> followers = new ArrayList<>();
    private final TailOptions options;
    private final Emitter out;
    private final List<? extends TailSource> sources;
    private volatile ChangeWatch watch;
    private volatile boolean stopped;
    private volatile TailStats stats = TailStats.EMPTY;

    public Tailer(List<? extends TailSource> sources, TailOptions options, TailListener listener) {
        this(sources, options, listener, null);
    }

    /**
     * A tailer that has {@code render} make each line's rendering on the decoding threads ({@link LineRender},
     * {@link TailEntry#rendered()}); {@code render} gives one instance per thread, or is null for none.
     */
    public Tailer(List<? extends TailSource> sources, TailOptions options, TailListener listener,
                  java.util.function.Supplier<? extends LineRender> render) {
        this(sources, options, listener, render, FormatSet.builtIn());
    }

    /**
     * A tailer reading its sources in {@code formats} (docs/formats.md): each file's format found from its first
     * lines, or the one {@code formats} forces.
     */
    public Tailer(List<? extends TailSource> sources, TailOptions options, TailListener listener,
                  java.util.function.Supplier<? extends LineRender> render, FormatSet formats) {
        this(sources, options, new Emitter(listener, Math.max(1, options.readChunkBytes() / 16), options.decodeGroupBytes(),
                new LineDecoder(options.eventsAhead(), render), formats));
    }

    private Tailer(List<? extends TailSource> sources, TailOptions options, Emitter out) {
        this.options = options;
        this.sources = List.copyOf(sources);
        this.out = out;
        for (TailSource source : sources) {
            followers.add(new NameFollower(source, options, out));
        }
    }

    public Tailer(TailSource source, TailOptions options, TailListener listener) {
        this(List.of(source), options, listener);
    }

    /**
     * A tailer that follows {@code source} as any other does (rotation, truncation, the same bounds) but hands each
     * complete line's bytes to {@code listener} undecoded ({@link RawLineListener}); skipped lines and file changes
     * come as events.
     */
    public static Tailer raw(TailSource source, TailOptions options, RawLineListener listener) {
        return new Tailer(List.of(source), options, Emitter.raw(listener, options.decodeGroupBytes()));
    }

    /**
     * One look at every source; returns the number of bytes read (0 when nothing changed).
     *
     * @throws OutOfMemoryWhileReading if the heap ran out, saying what was being read
     */
    public long poll() {
        long read = 0;
        try {
            for (NameFollower follower : followers) {
                read += follower.poll();
            }
        } catch (OutOfMemoryError e) {
            throw out.outOfMemory(e);
        } finally {
            stats = out.stats();
        }
        return read;
    }

    /**
     * Reads every source once to its end, its unterminated last line included, without following: what
     * {@code sigil tail} without {@code --follow} does. A source that does not exist gets a
     * {@link TailEvent.Change#MISSING} event. Returns the number of sources that could not be read.
     */
    public int readAll() {
        int failed = 0;
        try {
            for (NameFollower follower : followers) {
                if (!follower.readOnce()) {
                    failed++;
                }
            }
        } catch (OutOfMemoryError e) {
            throw out.outOfMemory(e);
        } finally {
            stats = out.stats();
        }
        return failed;
    }

    /**
     * Polls until {@link #stop()} is called or the thread is interrupted, pausing {@link TailOptions#pollInterval()}
     * after every poll that found nothing new; with {@link TailOptions#watch()}, a change the file system reports
     * ends the pause at once ({@link ChangeWatch}).
     */
    public void run() {
        long pauseMillis = Math.max(1, options.pollInterval().toMillis());
        // The first look comes before the watch, whose start takes a few milliseconds: the files are opened as soon
        // as the thread runs.
        boolean found = poll() > 0;
        ChangeWatch w = options.watch() ? ChangeWatch.open() : ChangeWatch.none();
        watch = w;
        long watchedAt = Long.MIN_VALUE;
        try {
            while (!stopped && !Thread.currentThread().isInterrupted()) {
                // Each poll reads every file to its end. Without events, one that found something is followed by
                // another at once (more may have come meanwhile); with events, what came meanwhile has woken the watch.
                if (found && !w.active()) {
                    found = poll() > 0;
                    continue;
                }
                long now = System.nanoTime();
                List<Object> open = openKeys();
                if (w.active() && (watchedAt == Long.MIN_VALUE || !open.equals(watchedKeys) || now - watchedAt > WATCH_REFRESH_NANOS)) {
                    // Where the names lead changes with the files open (a link retargeted to another session), and a
                    // re-created directory needs a new watch: worked out again then, and now and then.
                    w.watch(watchDirectories());
                    watchedAt = now;
                    watchedKeys = open;
                }
                if (stopped) {
                    break;
                }
                w.await(pauseMillis);
                found = poll() > 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            w.close();
        }
    }

    /** How often the watched directories are worked out again when no file changed. */
    private static final long WATCH_REFRESH_NANOS = 10_000_000_000L;

    /** The files open at the names when the watched directories were last worked out. */
    private List<Object> watchedKeys = List.of();

    private List<Object> openKeys() {
        List<Object> keys = new ArrayList<>(followers.size());
        for (NameFollower f : followers) {
            keys.add(f.currentKey());
        }
        return keys;
    }

    private java.util.Set<java.nio.file.Path> watchDirectories() {
        java.util.Set<java.nio.file.Path> dirs = new java.util.HashSet<>();
        sources.forEach(s -> dirs.addAll(s.watchDirectories()));
        return dirs;
    }

    /**
     * Has the lines of source {@code name} that start before byte {@code offset} counted but not decoded nor reported,
     * once its format is found (its first lines are still looked at, and every byte is still read and checked as a
     * followed file's are): for a reader that holds their fold already (the dashboard's checkpoint, ADR 0180). Only
     * for a format whose lines restate no earlier model call. Forgotten when the file behind the name changes. Call it
     * before the first poll, from the polling thread or before it starts.
     */
    public Tailer passOver(String name, long offset) {
        out.passOver(name, offset);
        return this;
    }

    /** Makes {@link #run()} return after its current poll. */
    public void stop() {
        stopped = true;
        ChangeWatch w = watch;
        if (w != null) {
            w.close();
        }
    }

    /** Counts so far, as of the end of the last poll. */
    public TailStats stats() {
        return stats;
    }

    /** Closes every open file (their unterminated last lines are not reported: their writers may still finish them). */
    @Override
    public void close() {
        followers.forEach(NameFollower::close);
        out.close();
    }
}
