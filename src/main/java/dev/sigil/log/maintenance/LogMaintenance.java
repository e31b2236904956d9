package dev.sigil.log.maintenance;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.sigil.layout.LogDefaults;
import dev.sigil.layout.LogLayout;
import dev.sigil.log.LoggerSettings;
import dev.sigil.log.Rotation;
import dev.sigil.log.SafeDirectory;
import dev.sigil.log.SessionLock;
import dev.sigil.log.UnsafePathException;
import dev.sigil.log.maintenance.MaintenanceReport.Action;
import dev.sigil.log.maintenance.MaintenanceReport.Kind;

/**
 * {@code sigil logs rotate|archive|clean|maintenance}: rotates big logs of idle sessions, archives sessions idle for
 * longer than the retention, removes archives older than the archive retention (seed 001 §7.3). Sessions a logger
 * holds are skipped (the logger rotates its own log), and so are logs written less than the idle time ago (a writer
 * that takes no lock, such as the Python logger, would go on writing the renamed file); links are never followed;
 * every directory and file is reached through a checked handle ({@link SafeDirectory}); one maintenance run at a time
 * holds {@code .maintenance.lock}. A dry run changes nothing, not even a lock file.
 */
public final class LogMaintenance {

    private final LoggerSettings settings;
    private final Clock clock;
    private final Duration rotateIdle;

    public LogMaintenance(LoggerSettings settings, Clock clock) {
        this(settings, clock, LogDefaults.ROTATE_IDLE);
    }

    /** @param rotateIdle how long nobody must have written a log before it is rotated ({@code logging.rotate_idle_minutes}) */
    public LogMaintenance(LoggerSettings settings, Clock clock, Duration rotateIdle) {
        this.settings = settings;
        this.clock = clock;
        this.rotateIdle = rotateIdle;
    }

    /** What to do in a run. */
    public enum Task { ROTATE, ARCHIVE, CLEAN }

    /**
     * Runs the tasks in the order rotate, archive, clean.
     *
     * @throws IOException if the log directory cannot be read, or another run holds the maintenance lock
     * @throws UnsafePathException if the log directory, {@code sessions/} or {@code archive/} is not the user's or
     *         others may write in it
     */
    public MaintenanceReport run(Set<Task> tasks, boolean dryRun) throws IOException {
        try (SafeDirectory root = SafeDirectory.existingRoot(settings.logPath())) {
            LogLayout layout = new LogLayout(root.path());
            List<Action> actions = new ArrayList<>();
            Lock lock = dryRun ? null : Lock.take(root);
            try {
                if (tasks.contains(Task.ROTATE)) {
                    forEachSession(root, actions, (sessions, dir, rel) -> rotate(dir, rel, dryRun, actions));
                }
                if (tasks.contains(Task.ARCHIVE)) {
                    forEachSession(root, actions, (sessions, dir, rel) -> archive(root, layout, sessions, dir, rel, dryRun, actions));
                }
                if (tasks.contains(Task.CLEAN)) {
                    clean(root, dryRun, actions);
                }
            } finally {
                if (lock != null) {
                    lock.close();
                }
            }
            return new MaintenanceReport(layout.root(), dryRun, actions);
        }
    }

    private interface SessionStep {
        void apply(SafeDirectory sessions, SafeDirectory dir, Path relative) throws IOException;
    }

    private static void forEachSession(SafeDirectory root, List<Action> actions, SessionStep step) throws IOException {
        Optional<SafeDirectory> found = child(root, LogLayout.SESSIONS, actions);
        if (found.isEmpty()) {
            return;
        }
        try (SafeDirectory sessions = found.get()) {
            for (String name : sessions.names()) {
                Path relative = Path.of(LogLayout.SESSIONS, name);
                Optional<String> why = SessionDirectories.notASession(sessions, name);
                if (why.isPresent()) {
                    actions.add(new Action(Kind.SKIPPED, relative, why.get()));
                    continue;
                }
                try (SafeDirectory dir = sessions.existingDirectory(name).orElseThrow(() -> new IOException("gone meanwhile"))) {
                    step.apply(sessions, dir, relative);
                } catch (UnsafePathException e) {
                    actions.add(new Action(Kind.REFUSED, relative, String.valueOf(e.getMessage())));
                } catch (IOException | RuntimeException e) {
                    actions.add(new Action(Kind.FAILED, relative, String.valueOf(e.getMessage())));
                }
            }
        }
    }

    /** {@code sessions/} or {@code archive/}, checked; empty (after saying so, for a link) when there is none to work on. */
    private static Optional<SafeDirectory> child(SafeDirectory root, String name, List<Action> actions) throws IOException {
        Optional<BasicFileAttributes> a = root.attributes(name);
        if (a.isPresent() && a.get().isSymbolicLink()) {
            actions.add(new Action(Kind.SKIPPED, Path.of(name), "a symbolic link; not followed"));
            return Optional.empty();
        }
        if (a.isEmpty() || !a.get().isDirectory()) {
            return Optional.empty();
        }
        return root.existingDirectory(name);
    }

    private void rotate(SafeDirectory dir, Path rel, boolean dryRun, List<Action> actions) throws IOException {
        Optional<BasicFileAttributes> log = dir.attributes(LogLayout.EXECUTION_LOG);
        if (log.isEmpty() || !log.get().isRegularFile() || log.get().size() < settings.maxFileSizeBytes()) {
            return;
        }
        Path relLog = rel.resolve(LogLayout.EXECUTION_LOG);
        try (Claim claim = claim(dir, dryRun, relLog, actions)) {
            if (claim.busy()) {
                return;
            }
            Duration quiet = Duration.between(log.get().lastModifiedTime().toInstant(), clock.instant());
            if (quiet.compareTo(rotateIdle) < 0) {
                actions.add(new Action(Kind.SKIPPED, relLog, "written " + ago(quiet) + " ago; a log is rotated only once no one has written "
                        + "it for " + rotateIdle.toMinutes() + " minutes (logging.rotate_idle_minutes, --idle-minutes): a writer "
                        + "that takes no lock would go on writing the rotated file"));
                return;
            }
            if (dryRun) {
                actions.add(new Action(Kind.ROTATED, relLog, LogLayout.rotatedName(Rotation.nextPart(dir))));
                return;
            }
            Path rotated = Rotation.renameToNextPart(dir);
            try (FileChannel created = dir.create(LogLayout.EXECUTION_LOG)) {
                created.force(true);
            }
            // A rotation is not activity: the session keeps its age, so archive (in this run or later) still sees it idle.
            dir.setModified(LogLayout.EXECUTION_LOG, log.get().lastModifiedTime());
            dir.fsync();
            actions.add(new Action(Kind.ROTATED, relLog, rotated.getFileName().toString()));
        }
    }

    private static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 120 ? s + " s" : d.toMinutes() + " minutes";
    }

    private void archive(SafeDirectory root, LogLayout layout, SafeDirectory sessions, SafeDirectory dir, Path rel, boolean dryRun,
                         List<Action> actions) throws IOException {
        Instant cutoff = clock.instant().minus(Duration.ofDays(settings.retentionDays()));
        if (!SessionDirectories.lastActivity(dir).toInstant().isBefore(cutoff)) {
            return;
        }
        Optional<String> odd = SessionDirectories.irregular(dir);
        if (odd.isPresent()) {
            actions.add(new Action(Kind.SKIPPED, rel, "holds " + odd.get() + ", which is not a regular file; sessions are never archived through links"));
            return;
        }
        String id = rel.getFileName().toString();
        String day = LocalDate.now(clock).toString();
        try (Claim claim = claim(dir, dryRun, rel, actions)) {
            if (claim.busy()) {
                return;
            }
            if (dryRun) {
                actions.add(new Action(Kind.ARCHIVED, rel, Path.of(LogLayout.ARCHIVE, day, LogLayout.archiveName(id, 1)).toString()));
                return;
            }
            try (SafeDirectory archive = root.directory(LogLayout.ARCHIVE); SafeDirectory dateDir = archive.directory(day)) {
                String target = SessionArchiver.freeName(dateDir, id);
                Map<String, SessionArchiver.Held> held = SessionArchiver.write(dir, id, dateDir, target);
                List<SessionArchiver.Kept> kept = SessionArchiver.removeArchived(sessions, dir, id, held);
                actions.add(new Action(Kind.ARCHIVED, rel, layout.root().relativize(dateDir.resolve(target)).toString()));
                for (SessionArchiver.Kept k : kept) {
                    actions.add(new Action(Kind.SKIPPED, rel.resolve(k.name()), k.reason()));
                }
            }
        }
    }

    /** A session taken for maintenance: its lock (none in a dry run), or busy because a logger holds it. */
    private record Claim(SessionLock lock, boolean busy) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (lock != null) {
                lock.close();
            }
        }
    }

    /** Takes the session's lock, or records a skip when a logger holds it. A dry run only looks, and never creates the lock file. */
    private static Claim claim(SafeDirectory dir, boolean dryRun, Path rel, List<Action> actions) throws IOException {
        Optional<SessionLock> lock = dryRun ? Optional.empty() : SessionLock.tryAcquire(dir);
        if (dryRun ? SessionLock.isHeld(dir) : lock.isEmpty()) {
            actions.add(new Action(Kind.SKIPPED, rel, "in use by a logger (it holds the session's lock)"));
            return new Claim(null, true);
        }
        return new Claim(lock.orElse(null), false);
    }

    private void clean(SafeDirectory root, boolean dryRun, List<Action> actions) throws IOException {
        Optional<SafeDirectory> found = child(root, LogLayout.ARCHIVE, actions);
        if (found.isEmpty()) {
            return;
        }
        LocalDate cutoff = LocalDate.now(clock).minusDays(settings.archiveRetentionDays());
        try (SafeDirectory archive = found.get()) {
            for (String name : archive.names()) {
                Path rel = Path.of(LogLayout.ARCHIVE, name);
                Optional<LocalDate> date = LogLayout.archiveDayOf(name);
                Optional<BasicFileAttributes> a = archive.attributes(name);
                if (a.isEmpty() || !a.get().isDirectory() || date.isEmpty()) {
                    actions.add(new Action(Kind.SKIPPED, rel, "not a YYYY-MM-DD directory"));
                    continue;
                }
                try (SafeDirectory day = archive.existingDirectory(name).orElseThrow(() -> new IOException("gone meanwhile"))) {
                    boolean empty = cleanDay(day, rel, date.get().isBefore(cutoff), dryRun, actions);
                    if (empty && date.get().isBefore(cutoff) && !dryRun) {
                        archive.deleteDirectory(name);
                        archive.fsync();
                    }
                } catch (UnsafePathException e) {
                    actions.add(new Action(Kind.REFUSED, rel, String.valueOf(e.getMessage())));
                } catch (IOException e) {
                    actions.add(new Action(Kind.FAILED, rel, String.valueOf(e.getMessage())));
                }
            }
        }
    }

    /**
     * Removes sigil's own archives of an expired day, and unfinished archives (sigil's temporary names) of any day;
     * anything else is left where it is (reported in an expired day). Returns whether the day is left empty.
     */
    private static boolean cleanDay(SafeDirectory day, Path rel, boolean expired, boolean dryRun, List<Action> actions) throws IOException {
        boolean kept = false;
        for (String name : day.names()) {
            Path relFile = rel.resolve(name);
            Optional<BasicFileAttributes> a = day.attributes(name);
            boolean ours = LogLayout.isArchiveName(name);
            boolean unfinished = LogLayout.isArchiveTemporary(name);
            if (a.isPresent() && !a.get().isRegularFile()) {
                actions.add(new Action(Kind.SKIPPED, relFile, "not a regular file"));
                kept = true;
            } else if (!ours && !unfinished) {
                if (expired) {
                    actions.add(new Action(Kind.SKIPPED, relFile, "not an archive of sigil's; left in place"));
                }
                kept = true;
            } else if (expired || unfinished) {
                if (!dryRun) {
                    day.deleteIfExists(name);
                }
                actions.add(new Action(Kind.REMOVED, relFile, unfinished && !expired ? "unfinished archive from an interrupted run" : ""));
            } else {
                kept = true;
            }
        }
        if (!dryRun) {
            day.fsync();
        }
        return !kept;
    }

    /** The maintenance lock: one run at a time. */
    private record Lock(FileChannel channel, FileLock lock) implements AutoCloseable {
        static Lock take(SafeDirectory root) throws IOException {
            FileChannel ch = root.update(LogLayout.MAINTENANCE_LOCK);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw new IOException("another maintenance run is working on this log directory (" + root.resolve(LogLayout.MAINTENANCE_LOCK)
                        + " is locked); try again when it is done");
            }
            return new Lock(ch, lock);
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }
}
