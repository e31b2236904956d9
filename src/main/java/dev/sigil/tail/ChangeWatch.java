package dev.sigil.tail;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Wakes a following tailer as soon as the file system reports a change in a directory of a followed file (Java's
 * {@link WatchService}: inotify on Linux), so that it reads new lines right after they are written instead of at its
 * next poll: a log truncated in place (copy-truncate) then loses only what was written in the moment before the
 * truncation, and the truncation itself is seen as a smaller size. The poll stays: events can be lost (overflow, a
 * directory re-created, file systems without events), so the tailer never waits longer than its poll interval and
 * never relies on an event to find anything (ADR 0081). Where the platform only polls for events (its WatchService
 * is the JDK's polling one), none is used. Events coming close together wake the tailer once ({@link #GAP_MILLIS}).
 * Thread-safe: {@link #close()} from any thread wakes a waiting {@link #await}.
 */
final class ChangeWatch implements Closeable {

    /** After an event, how long to gather the ones that follow before the tailer looks: one look for a burst of writes. */
    static final long GAP_MILLIS = 0;

    private final WatchService service;
    private final Map<Path, WatchKey> keys = new HashMap<>();
    private final Object sleeper = new Object();
    private volatile boolean closed;

    private ChangeWatch(WatchService service) {
        this.service = service;
    }

    /** A watch on this platform's change events, or one that never wakes early where there are none. */
    static ChangeWatch open() {
        try {
            WatchService s = FileSystems.getDefault().newWatchService();
            if (s.getClass().getSimpleName().startsWith("Polling")) {
                s.close(); // checks every few seconds: slower than the tailer's own poll
                return new ChangeWatch(null);
            }
            return new ChangeWatch(s);
        } catch (IOException | UnsupportedOperationException e) {
            return new ChangeWatch(null);
        }
    }

    /** A watch that never wakes early (the poll alone). */
    static ChangeWatch none() {
        return new ChangeWatch(null);
    }

    boolean active() {
        return service != null && !closed;
    }

    /** Watches exactly {@code directories} (those that exist now; a missing one is tried again at the next call). */
    void watch(Set<Path> directories) {
        if (!active()) {
            return;
        }
        for (Iterator<Map.Entry<Path, WatchKey>> it = keys.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, WatchKey> e = it.next();
            if (!directories.contains(e.getKey()) || !e.getValue().isValid()) {
                e.getValue().cancel();
                it.remove();
            }
        }
        for (Path dir : directories) {
            if (!keys.containsKey(dir)) {
                try {
                    keys.put(dir, dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                            StandardWatchEventKinds.ENTRY_MODIFY));
                } catch (IOException | ClosedWatchServiceException | UnsupportedOperationException e) {
                    // not there (yet), or not watchable: the poll covers it
                }
            }
        }
    }

    /**
     * Waits until a change is reported (then a moment more, to gather what follows it) or {@code millis} pass, or the
     * watch is closed. Returns whether a change was reported.
     */
    boolean await(long millis) throws InterruptedException {
        if (!active()) {
            synchronized (sleeper) {
                if (!closed) {
                    sleeper.wait(millis);
                }
            }
            return false;
        }
        try {
            WatchKey key = service.poll(millis, TimeUnit.MILLISECONDS);
            if (key == null) {
                return false;
            }
            drain(key);
            if (GAP_MILLIS > 0) {
                Thread.sleep(GAP_MILLIS);
            }
            for (WatchKey more = service.poll(); more != null; more = service.poll()) {
                drain(more);
            }
            return true;
        } catch (ClosedWatchServiceException e) {
            return false;
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public void close() {
        closed = true;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                // nothing held that matters
            }
        }
    }
}
