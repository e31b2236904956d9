package dev.sigil.log.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.layout.LogLayout;
import dev.sigil.log.ExecutionLogger;
import dev.sigil.log.LoggerSettings;
import dev.sigil.log.SafeDirectory;
import dev.sigil.log.maintenance.LogMaintenance.Task;

class LogMaintenanceTest {

    @TempDir
    Path tmp;

    static final Instant NOW = Instant.parse("2026-02-10T12:00:00Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private Path logs() {
        return tmp.resolve("logs");
    }

    private LogMaintenance maintenance(long maxFileSize) {
        return new LogMaintenance(LoggerSettings.builder().logPath(logs()).maxFileSizeBytes(maxFileSize).build(), clock);
    }

    private Path session(String id, int daysAgo, String... files) throws IOException {
        Path dir = Files.createDirectories(logs().resolve("sessions").resolve(id));
        for (String f : files) {
            Files.writeString(dir.resolve(f), id + ":" + f + "\n");
        }
        age(dir, daysAgo);
        return dir;
    }

    private static void age(Path dir, int daysAgo) throws IOException {
        FileTime t = FileTime.from(NOW.minus(daysAgo, ChronoUnit.DAYS));
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.getFileAttributeView(f, java.nio.file.attribute.BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setTimes(t, null, null);
            }
        }
        Files.setLastModifiedTime(dir, t);
    }

    @Test
    void sessionsIdleLongerThanTheRetentionAreArchivedVerifiedAndRemoved() throws IOException {
        Path old = session("old", 10, "execution.jsonl", "execution.1.jsonl", "errors.jsonl", "metrics.json", ".lock");
        Map<String, String> before = contents(old);
        session("fresh", 2, "execution.jsonl");

        MaintenanceReport report = maintenance(10 << 20).run(EnumSet.of(Task.ARCHIVE), false);

        Path archive = logs().resolve("archive/2026-02-10/old.tar.gz");
        assertThat(report.lines()).containsExactly("archived sessions/old -> archive/2026-02-10/old.tar.gz");
        assertThat(report.summary()).isEqualTo("rotated 0 logs, archived 1 session, removed 0 archives; skipped 0, failed 0");
        assertThat(old).doesNotExist();
        assertThat(logs().resolve("sessions/fresh")).isDirectory();
        before.remove(".lock");
        assertThat(untar(archive)).isEqualTo(prefixed("old/", before));
        assertThat(mode(archive)).isEqualTo("rw-------");
        assertThat(mode(archive.getParent())).isEqualTo("rwx------");
        assertThat(mode(logs().resolve("archive"))).isEqualTo("rwx------");
        try (var left = Files.list(archive.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("old.tar.gz");
        }
    }

    @Test
    void theLogRootsOwnFilesStayAndTheSessionDocumentsGoWithTheirSession() throws IOException {
        Path old = session("old", 10, "execution.jsonl", LogLayout.SESSION_DOCUMENT, LogLayout.STATUS, "." + LogLayout.STATUS + ".tmp");
        Map<String, String> before = contents(old);
        Path root = logs();
        Map<String, String> rootFiles = new TreeMap<>();
        for (String f : List.of(LogLayout.MONITOR_PID, LogLayout.MONITOR_LOCK)) {
            Files.writeString(root.resolve(f), "4242 0 old\n");
            Files.setLastModifiedTime(root.resolve(f), FileTime.from(NOW.minus(400, ChronoUnit.DAYS)));
            rootFiles.put(f, "4242 0 old\n");
        }
        MaintenanceReport report = maintenance(1).run(EnumSet.allOf(Task.class), false);

        assertThat(report.lines()).as("a rotation is not activity: the idle session is archived in the same run")
                .containsExactly("rotated sessions/old/execution.jsonl -> execution.1.jsonl", "archived sessions/old -> archive/2026-02-10/old.tar.gz");
        before.put("execution.1.jsonl", before.remove("execution.jsonl"));
        before.put("execution.jsonl", "");
        assertThat(untar(root.resolve("archive/2026-02-10/old.tar.gz"))).as("the session documents are the session's")
                .isEqualTo(prefixed("old/", before));
        Map<String, String> after = new TreeMap<>();
        for (String f : rootFiles.keySet()) {
            after.put(f, Files.readString(root.resolve(f)));
        }
        assertThat(after).as("monitor.pid and its lock are the monitors'").isEqualTo(rootFiles);
    }

    @Test
    void liveSessionsLinksAndOddDirectoriesAreSkippedWithAReason() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("precious.txt"), "keep");
        FileTime old = FileTime.from(NOW.minus(40, ChronoUnit.DAYS));
        Files.setLastModifiedTime(outside.resolve("precious.txt"), old);
        Files.createDirectories(logs().resolve("sessions"));
        Files.createSymbolicLink(logs().resolve("sessions/linked"), outside);
        Path odd = session("odd", 10, "execution.jsonl");
        Files.createSymbolicLink(odd.resolve("errors.jsonl"), outside.resolve("precious.txt"));
        age(odd, 10);
        session("not.an.id", 10, "execution.jsonl");
        try (ExecutionLogger live = ExecutionLogger.builder(LoggerSettings.builder().logPath(logs()).build()).shutdownHook(false).open("live")) {
            age(live.sessionDirectory(), 10);
            MaintenanceReport report = maintenance(10 << 20).run(EnumSet.of(Task.ARCHIVE), false);
            assertThat(report.lines()).containsExactly(
                    "skipped sessions/linked: a symbolic link; not followed",
                    "skipped sessions/live: in use by a logger (it holds the session's lock)",
                    "skipped sessions/not.an.id: not a valid session id",
                    "skipped sessions/odd: holds errors.jsonl, which is not a regular file; sessions are never archived through links");
        }
        assertThat(Files.readString(outside.resolve("precious.txt"))).isEqualTo("keep");
        assertThat(logs().resolve("archive")).doesNotExist();
    }

    @Test
    void aDryRunChangesNothingAndSaysWhatItWouldDo() throws IOException {
        session("old", 10, "execution.jsonl", ".lock");
        Path big = session("big", 1, "execution.jsonl");
        Files.writeString(big.resolve("execution.jsonl"), "x".repeat(2000) + "\n");
        Files.setLastModifiedTime(big.resolve("execution.jsonl"), FileTime.from(NOW.minus(31, ChronoUnit.MINUTES)));
        Files.createDirectories(logs().resolve("archive/2025-12-01"));
        Files.writeString(logs().resolve("archive/2025-12-01/gone.tar.gz"), "z");
        Map<String, String> before = tree(logs());

        MaintenanceReport report = maintenance(1024).run(EnumSet.allOf(Task.class), true);

        assertThat(tree(logs())).isEqualTo(before);
        assertThat(report.lines()).containsExactly(
                "would rotate sessions/big/execution.jsonl -> execution.1.jsonl",
                "would archive sessions/old -> archive/2026-02-10/old.tar.gz",
                "would remove archive/2025-12-01/gone.tar.gz");
        assertThat(report.summary()).endsWith("(dry run: nothing was changed)");
    }

    @Test
    void archivesOlderThanTheArchiveRetentionAreRemovedAndTheRestKept() throws IOException {
        Path archive = Files.createDirectories(logs().resolve("archive"));
        LocalDate today = LocalDate.of(2026, 2, 10);
        Path expired = Files.createDirectories(archive.resolve(today.minusDays(31).toString()));
        Files.writeString(expired.resolve("a.tar.gz"), "a");
        Files.writeString(expired.resolve("b.tar.gz"), "b");
        Path edge = Files.createDirectories(archive.resolve(today.minusDays(30).toString()));
        Files.writeString(edge.resolve("c.tar.gz"), "c");
        Files.writeString(edge.resolve(".d.tar.gz.tmp"), "unfinished");
        Files.createDirectories(archive.resolve("misc"));
        Files.createSymbolicLink(archive.resolve("2020-01-01"), tmp);

        MaintenanceReport report = maintenance(10 << 20).run(EnumSet.of(Task.CLEAN), false);

        assertThat(report.lines()).containsExactly(
                "skipped archive/2020-01-01: not a YYYY-MM-DD directory",
                "removed archive/2026-01-10/a.tar.gz",
                "removed archive/2026-01-10/b.tar.gz",
                "removed archive/2026-01-11/.d.tar.gz.tmp: unfinished archive from an interrupted run",
                "skipped archive/misc: not a YYYY-MM-DD directory");
        assertThat(expired).doesNotExist();
        assertThat(edge.resolve("c.tar.gz")).exists();
        assertThat(tmp).isDirectory();
    }

    /**
     * Issue 11: an expired archive day lost every regular file in it, a user's NOTES.md and a .pem among them, and
     * any *.tmp. Only sigil's archives and its own temporary names go now; the rest stays with its directory.
     */
    @Test
    void cleanRemovesOnlySigilsOwnArchivesAndTemporaryNames() throws IOException {
        Path day = Files.createDirectories(logs().resolve("archive/2025-12-01"));
        for (String f : List.of("a.tar.gz", "b.2.tar.gz", ".c.tar.gz.tmp", "NOTES.md", "server.pem", "draft.tmp", ".other.tmp",
                "x.y.tar.gz", "a.tar.gz.bak")) {
            Files.writeString(day.resolve(f), f);
        }
        MaintenanceReport report = maintenance(10 << 20).run(EnumSet.of(Task.CLEAN), false);
        assertThat(report.lines()).containsExactly(
                "removed archive/2025-12-01/.c.tar.gz.tmp",
                "skipped archive/2025-12-01/.other.tmp: not an archive of sigil's; left in place",
                "skipped archive/2025-12-01/NOTES.md: not an archive of sigil's; left in place",
                "removed archive/2025-12-01/a.tar.gz",
                "skipped archive/2025-12-01/a.tar.gz.bak: not an archive of sigil's; left in place",
                "removed archive/2025-12-01/b.2.tar.gz",
                "skipped archive/2025-12-01/draft.tmp: not an archive of sigil's; left in place",
                "skipped archive/2025-12-01/server.pem: not an archive of sigil's; left in place",
                "skipped archive/2025-12-01/x.y.tar.gz: not an archive of sigil's; left in place");
        try (var left = Files.list(day)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly(".other.tmp", "NOTES.md", "a.tar.gz.bak", "draft.tmp", "server.pem", "x.y.tar.gz");
        }
    }

    @Test
    void bigLogsOfIdleSessionsAreRotatedAndLiveOnesLeftToTheirLogger() throws IOException {
        Path idle = session("idle", 0, "execution.jsonl", "execution.1.jsonl");
        Files.writeString(idle.resolve("execution.jsonl"), "y".repeat(3000) + "\n");
        Files.setLastModifiedTime(idle.resolve("execution.jsonl"), FileTime.from(NOW.minus(31, ChronoUnit.MINUTES)));
        try (ExecutionLogger live = ExecutionLogger.builder(LoggerSettings.builder().logPath(logs()).build()).shutdownHook(false).open("live")) {
            Files.writeString(live.logFile(), "z".repeat(3000) + "\n");
            MaintenanceReport report = maintenance(1024).run(EnumSet.of(Task.ROTATE), false);
            assertThat(report.lines()).containsExactly(
                    "rotated sessions/idle/execution.jsonl -> execution.2.jsonl",
                    "skipped sessions/live/execution.jsonl: in use by a logger (it holds the session's lock)");
        }
        assertThat(Files.readString(idle.resolve("execution.2.jsonl"))).hasSize(3001);
        assertThat(idle.resolve("execution.jsonl")).isEmptyFile();
        assertThat(mode(idle.resolve("execution.jsonl"))).isEqualTo("rw-------");
    }

    @Test
    void aSecondArchiveOfTheSameSessionOnTheSameDayGetsTheNextName() throws IOException {
        session("twice", 10, "execution.jsonl");
        maintenance(10 << 20).run(EnumSet.of(Task.ARCHIVE), false);
        session("twice", 9, "execution.jsonl");
        MaintenanceReport second = maintenance(10 << 20).run(EnumSet.of(Task.ARCHIVE), false);
        assertThat(second.lines()).containsExactly("archived sessions/twice -> archive/2026-02-10/twice.2.tar.gz");
        try (SafeDirectory day = SafeDirectory.existingRoot(logs().resolve("archive/2026-02-10"))) {
            assertThat(SessionArchiver.freeName(day, "twice")).isEqualTo("twice.3.tar.gz");
        }
    }

    @Test
    void oneMaintenanceRunAtATime() throws IOException {
        Files.createDirectories(logs());
        try (FileChannel held = FileChannel.open(logs().resolve(LogLayout.MAINTENANCE_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock = held.lock();
            assertThatThrownBy(() -> maintenance(1024).run(EnumSet.allOf(Task.class), false))
                    .hasMessageContaining("another maintenance run is working on this log directory");
            lock.release();
        }
        assertThatThrownBy(() -> new LogMaintenance(LoggerSettings.builder().logPath(tmp.resolve("missing")).build(), clock)
                .run(EnumSet.allOf(Task.class), false)).hasMessageContaining("does not exist");
    }

    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                out.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        return out;
    }

    private static Map<String, String> prefixed(String prefix, Map<String, String> m) {
        Map<String, String> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(prefix + k, v));
        return out;
    }

    private static Map<String, String> untar(Path archive) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (InputStream in = Files.newInputStream(archive); TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (!e.isDirectory()) {
                    out.put(e.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    /** Every path under {@code root} with its content (files) or kind, and modification time. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted().toList()) {
                String what = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Files.readString(p) : "dir";
                out.put(root.relativize(p).toString(), what + " @" + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS));
            }
        }
        return out;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

}
