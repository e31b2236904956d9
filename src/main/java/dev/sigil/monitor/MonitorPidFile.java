package dev.sigil.monitor;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

import dev.sigil.layout.LogLayout;
import dev.sigil.log.SafeDirectory;

/**
 * {@code monitor.pid} in the log root (seed 001 §7.1): which monitors are running, one line each,
 * {@code PID START SESSION} (the process id, its start time in epoch milliseconds, the session it follows). A monitor
 * adds its line when it starts and removes it when it ends; lines of monitors that are gone (no such process, or
 * another process that reused the pid) are dropped at every update, so a monitor killed with -9 leaves a stale line
 * only until the next one starts. Several monitors, on one session or on several, are allowed: each has its line.
 * Updates hold {@code .monitor.lock} and replace the file atomically. Nothing here ever stops a monitor: a file
 * that cannot be written is reported once.
 */
public final class MonitorPidFile implements AutoCloseable {

    private final Path file;
    /** This process's line. */
    private final String own;
    private final LongPredicate alive;
    private final Consumer<String> reporter;
    /** Removes the line when the JVM ends another way (Ctrl-C, SIGTERM): a monitor is stopped so. */
    private final Thread onExit = new Thread(this::remove, "sigil-monitor-pid");
    private boolean removed;

    private MonitorPidFile(Path file, String own, LongPredicate alive, Consumer<String> reporter) {
        this.file = file;
        this.own = own;
        this.alive = alive;
        this.reporter = reporter;
    }

    /**
     * Adds this process's line for {@code session} to the log root's {@code monitor.pid}; nothing when the log root
     * does not exist yet (the monitor waits for a log; it creates no directory).
     */
    public static MonitorPidFile register(LogLayout layout, String session, Consumer<String> reporter) {
        ProcessHandle me = ProcessHandle.current();
        long started = me.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        String line = me.pid() + " " + started + " " + session.replaceAll("[\\s]", "_");
        MonitorPidFile f = new MonitorPidFile(layout.monitorPid(), line, MonitorPidFile::running, reporter);
        if (Files.isDirectory(layout.root())) {
            f.update(true);
            Runtime.getRuntime().addShutdownHook(f.onExit);
        }
        return f;
    }

    /** The lines of running monitors (stale ones left out), as the file holds them. */
    public static List<String> running(LogLayout layout) throws IOException {
        Path file = layout.monitorPid();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        return live(Files.readAllLines(file, StandardCharsets.US_ASCII), MonitorPidFile::running);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNeverAdded) {
            // the hook runs (or never was added): remove() below is idempotent
        }
        remove();
    }

    private synchronized void remove() {
        if (!removed && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            update(false);
        }
        removed = true;
    }

    /**
     * Rewrites the file under the lock: the live lines of others, and this process's line if {@code add}. Both files
     * are reached through the log root's checked handle ({@link SafeDirectory}): a root that is not the user's, or a
     * link or another user's file in place of either, is refused and reported.
     */
    private void update(boolean add) {
        try (SafeDirectory root = SafeDirectory.existingRoot(file.getParent());
             FileChannel ch = root.update(LogLayout.MONITOR_LOCK); FileLock held = ch.lock()) {
            List<String> lines = root.exists(LogLayout.MONITOR_PID) ? readLines(root) : List.of();
            List<String> kept = new ArrayList<>();
            for (String l : live(lines, alive)) {
                if (!l.equals(own)) {
                    kept.add(l);
                }
            }
            if (add) {
                kept.add(own);
            }
            if (kept.isEmpty()) {
                root.deleteIfExists(LogLayout.MONITOR_PID);
            } else {
                root.replace(LogLayout.MONITOR_PID, (String.join("\n", kept) + "\n").getBytes(StandardCharsets.US_ASCII), false);
            }
        } catch (IOException | RuntimeException e) {
            reporter.accept("could not update " + file + " (" + e.getMessage() + "); monitoring goes on");
        }
    }

    private static List<String> readLines(SafeDirectory root) throws IOException {
        try (FileChannel ch = root.read(LogLayout.MONITOR_PID)) {
            return new String(Channels.newInputStream(ch).readNBytes(1 << 20), StandardCharsets.US_ASCII).lines().toList();
        }
    }

    /** The lines whose process still runs, well-formed ones only. */
    static List<String> live(List<String> lines, LongPredicate running) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            Optional<long[]> parsed = parse(l);
            if (parsed.isPresent() && running.test(parsed.get()[0]) && startedAsWritten(parsed.get())) {
                out.add(l);
            }
        }
        return out;
    }

    private static Optional<long[]> parse(String line) {
        String[] parts = line.split(" ", 3);
        if (parts.length < 3 || !parts[0].matches("[1-9][0-9]{0,9}") || !parts[1].matches("[0-9]{1,15}")) {
            return Optional.empty();
        }
        return Optional.of(new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])});
    }

    /** A reused pid: the process of that number started at another time than the line says. */
    private static boolean startedAsWritten(long[] line) {
        if (line[1] == 0) {
            return true;
        }
        return ProcessHandle.of(line[0]).flatMap(p -> p.info().startInstant()).map(s -> s.toEpochMilli() == line[1]).orElse(true);
    }

    private static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
