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
 * never relies on an event to find anything (ADR 0081). Where the platform only polls for events (the JDK's polling
 * WatchService) none is used.
 *
 * <p>The tailer's thread waits on the watch service itself (a timed wait, as without events), so an event costs one
 * wake-up; events that come while it is busy are taken together at its next wait. Thread-safe: {@link #close()} from
 * any thread ends a waiting {@link #await}.
 */
final class ChangeWatch implements Closeable {

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

    /** Watches exactly {@code directories} (those that exist now; a missing one is tried again at the next call). Tailer thread. */
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

    /** Waits until a change is reported, {@code millis} pass, or the watch is closed. Returns whether a change was reported. */
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
            do {
                key.pollEvents();
                key.reset();
                key = service.poll();
            } while (key != null);
            return true;
        } catch (ClosedWatchServiceException e) {
            return false;
        }
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
