package dev.sigil.log.maintenance;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.sigil.layout.LogLayout;
import dev.sigil.log.LoggerSettings;
import dev.sigil.log.Rotation;
import dev.sigil.log.SafeFiles;
import dev.sigil.log.SessionLock;
import dev.sigil.log.maintenance.MaintenanceReport.Action;
import dev.sigil.log.maintenance.MaintenanceReport.Kind;

/**
 * {@code sigil logs rotate|archive|clean|maintenance}: rotates big logs of idle sessions, archives sessions idle for
 * longer than the retention, removes archives older than the archive retention (seed 001 §7.3). Sessions a logger
 * holds are skipped (the logger rotates its own log), links are never followed, and one maintenance run at a time
 * holds {@code .maintenance.lock}. A dry run changes nothing, not even a lock file.
 */
public final class LogMaintenance {

    private final LoggerSettings settings;
    private final Clock clock;

    public LogMaintenance(LoggerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** What to do in a run. */
    public enum Task { ROTATE, ARCHIVE, CLEAN }

    /**
     * Runs the tasks in the order rotate, archive, clean.
     *
     * @throws IOException if the log directory cannot be read, or another run holds the maintenance lock
     */
    public MaintenanceReport run(Set<Task> tasks, boolean dryRun) throws IOException {
        Path given = settings.logPath();
        if (!Files.isDirectory(given)) {
            throw new IOException("log path " + given + " does not exist or is not a directory");
        }
        LogLayout layout = new LogLayout(given.toRealPath());
        List<Action> actions = new ArrayList<>();
        Lock lock = dryRun ? null : Lock.take(layout.maintenanceLock());
        try {
            if (tasks.contains(Task.ROTATE)) {
                forEachSession(layout, actions, (dir, rel) -> rotate(dir, rel, dryRun, actions));
            }
            if (tasks.contains(Task.ARCHIVE)) {
                forEachSession(layout, actions, (dir, rel) -> archive(layout, dir, rel, dryRun, actions));
            }
            if (tasks.contains(Task.CLEAN)) {
                clean(layout, dryRun, actions);
            }
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
        return new MaintenanceReport(layout.root(), dryRun, actions);
    }

    private interface SessionStep {
        void apply(Path dir, Path relative) throws IOException;
    }

    private static void forEachSession(LogLayout layout, List<Action> actions, SessionStep step) throws IOException {
        Path sessions = layout.sessions();
        Path rel = layout.root().relativize(sessions);
        if (Files.isSymbolicLink(sessions)) {
            actions.add(new Action(Kind.SKIPPED, rel, "a symbolic link; not followed"));
            return;
        }
        if (!Files.isDirectory(sessions, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        for (Path dir : SessionDirectories.list(sessions)) {
            Path relative = layout.root().relativize(dir);
            Optional<String> why = SessionDirectories.notASession(dir);
            if (why.isPresent()) {
                actions.add(new Action(Kind.SKIPPED, relative, why.get()));
                continue;
            }
            try {
                step.apply(dir, relative);
            } catch (IOException | RuntimeException e) {
                actions.add(new Action(Kind.FAILED, relative, String.valueOf(e.getMessage())));
            }
        }
    }

    private void rotate(Path dir, Path rel, boolean dryRun, List<Action> actions) throws IOException {
        Path log = dir.resolve(LogLayout.EXECUTION_LOG);
        if (!Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS) || Files.size(log) < settings.maxFileSizeBytes()) {
            return;
        }
        try (Claim claim = claim(dir, dryRun, rel.resolve(LogLayout.EXECUTION_LOG), actions)) {
            if (claim.busy()) {
                return;
            }
            Path relLog = rel.resolve(LogLayout.EXECUTION_LOG);
            if (dryRun) {
                actions.add(new Action(Kind.ROTATED, relLog, LogLayout.rotatedName(Rotation.nextPart(dir))));
                return;
            }
            Path rotated = Rotation.renameToNextPart(dir);
            try (FileChannel created = FileChannel.open(log, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), SafeFiles.fileAttributes())) {
                created.force(true);
            }
            SafeFiles.fsyncDirectory(dir);
            actions.add(new Action(Kind.ROTATED, relLog, rotated.getFileName().toString()));
        }
    }

    private void archive(LogLayout layout, Path dir, Path rel, boolean dryRun, List<Action> actions) throws IOException {
        Instant cutoff = clock.instant().minus(java.time.Duration.ofDays(settings.retentionDays()));
        if (!SessionDirectories.lastActivity(dir).toInstant().isBefore(cutoff)) {
            return;
        }
        Optional<Path> odd = SessionDirectories.irregular(dir);
        if (odd.isPresent()) {
            actions.add(new Action(Kind.SKIPPED, rel, "holds " + odd.get().getFileName() + ", which is not a regular file; sessions are never archived through links"));
            return;
        }
        Path dateDir = layout.archiveDay(LocalDate.now(clock));
        try (Claim claim = claim(dir, dryRun, rel, actions)) {
            if (claim.busy()) {
                return;
            }
            if (dryRun) {
                Path target = Files.isDirectory(dateDir, LinkOption.NOFOLLOW_LINKS) ? SessionArchiver.freeName(dateDir, dir.getFileName().toString())
                        : dateDir.resolve(LogLayout.archiveName(dir.getFileName().toString(), 1));
                actions.add(new Action(Kind.ARCHIVED, rel, layout.root().relativize(target).toString()));
                return;
            }
            SafeFiles.ensureDirectory(layout.archive());
            SafeFiles.ensureDirectory(dateDir);
            Path target = SessionArchiver.freeName(dateDir, dir.getFileName().toString());
            SessionArchiver.write(dir, target);
            SessionArchiver.remove(dir);
            actions.add(new Action(Kind.ARCHIVED, rel, layout.root().relativize(target).toString()));
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
    private static Claim claim(Path dir, boolean dryRun, Path rel, List<Action> actions) throws IOException {
        Optional<SessionLock> lock = dryRun ? Optional.empty() : SessionLock.tryAcquire(dir);
        if (dryRun ? SessionLock.isHeld(dir) : lock.isEmpty()) {
            actions.add(new Action(Kind.SKIPPED, rel, "in use by a logger"));
            return new Claim(null, true);
        }
        return new Claim(lock.orElse(null), false);
    }

    private void clean(LogLayout layout, boolean dryRun, List<Action> actions) throws IOException {
        Path archive = layout.archive();
        if (Files.isSymbolicLink(archive)) {
            actions.add(new Action(Kind.SKIPPED, layout.root().relativize(archive), "a symbolic link; not followed"));
            return;
        }
        if (!Files.isDirectory(archive, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        LocalDate cutoff = LocalDate.now(clock).minusDays(settings.archiveRetentionDays());
        for (Path dateDir : SessionDirectories.list(archive)) {
            Path rel = layout.root().relativize(dateDir);
            Optional<LocalDate> date = LogLayout.archiveDayOf(dateDir.getFileName().toString());
            if (Files.isSymbolicLink(dateDir) || !Files.isDirectory(dateDir, LinkOption.NOFOLLOW_LINKS) || date.isEmpty()) {
                actions.add(new Action(Kind.SKIPPED, rel, "not a YYYY-MM-DD directory"));
                continue;
            }
            try {
                cleanDateDir(layout, dateDir, date.get().isBefore(cutoff), dryRun, actions);
            } catch (IOException e) {
                actions.add(new Action(Kind.FAILED, rel, String.valueOf(e.getMessage())));
            }
        }
    }

    /** Removes the archives of an expired day (and the day), and unfinished archives left by an interrupted run. */
    private static void cleanDateDir(LogLayout layout, Path dateDir, boolean expired, boolean dryRun, List<Action> actions) throws IOException {
        boolean kept = false;
        for (Path f : SessionDirectories.list(dateDir)) {
            Path rel = layout.root().relativize(f);
            boolean unfinished = f.getFileName().toString().endsWith(".tmp");
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                actions.add(new Action(Kind.SKIPPED, rel, "not a regular file"));
                kept = true;
            } else if (expired || unfinished) {
                if (!dryRun) {
                    Files.delete(f);
                }
                actions.add(new Action(Kind.REMOVED, rel, unfinished && !expired ? "unfinished archive from an interrupted run" : ""));
            } else {
                kept = true;
            }
        }
        if (expired && !kept && !dryRun) {
            Files.delete(dateDir);
            SafeFiles.fsyncDirectory(dateDir.getParent());
        }
    }

    /** The maintenance lock: one run at a time. */
    private record Lock(FileChannel channel, FileLock lock) implements AutoCloseable {
        static Lock take(Path file) throws IOException {
            SafeFiles.refuseLink(file);
            FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                    SafeFiles.fileAttributes());
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw new IOException("another maintenance run is working on this log directory (" + file + " is locked); try again when it is done");
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
