package dev.sigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 001 §11.3, checked on what real processes leave behind with the most permissive umask (000): every directory
 * sigil creates under the log path is 0700 and every file 0600, whether the orchestrator, the logger, the rotation or
 * the archiver made it. Permissions are set explicitly, never left to the umask.
 */
class PermissionsIT {

    @TempDir
    Path dir;

    @Test
    void everythingUnderTheLogPathIsOwnerOnlyWhateverTheUmask() throws Exception {
        Path logs = dir.resolve("fresh/logs");
        run("orchestrate", "--session", "perm-1", "--log-path", logs.toString(), "--speed", "0", "Qualify this lead: Ada at Acme");
        run("orchestrate", "--session", "perm-2", "--log-path", logs.toString(), "--speed", "0", "Summarize the market");
        age(logs.resolve("sessions/perm-1"), Duration.ofHours(1)); // rotate takes only logs idle for rotate_idle_minutes
        run("logs", "rotate", "--log-path", logs.toString(), "--max-file-size", "100");
        age(logs.resolve("sessions/perm-2"), Duration.ofDays(30));
        run("logs", "archive", "--log-path", logs.toString());

        assertThat(Files.exists(logs.resolve("sessions/perm-1/execution.1.jsonl"))).as("a rotated part").isTrue();
        assertThat(Files.exists(logs.resolve("sessions/perm-2"))).as("the old session was archived").isFalse();
        List<String> wrong = new ArrayList<>();
        int files = 0;
        int dirs = 0;
        try (Stream<Path> all = Files.walk(logs)) {
            for (Path p : all.toList()) {
                if (Files.isSymbolicLink(p)) {
                    continue; // current.jsonl: a link's own mode means nothing on Linux
                }
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                boolean directory = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                String wanted = directory ? "rwx------" : "rw-------";
                if (!mode.equals(wanted)) {
                    wrong.add(logs.relativize(p) + " " + mode);
                }
                if (directory) {
                    dirs++;
                } else {
                    files++;
                }
            }
        }
        System.out.println("PermissionsIT: " + files + " files and " + dirs + " directories checked under umask 000");
        assertThat(wrong).as("not owner-only").isEmpty();
        assertThat(files).as("the logs, rotated part, summaries, outputs, locks and the archive").isGreaterThanOrEqualTo(8);
        try (Stream<Path> archives = Files.walk(logs.resolve("archive"))) {
            assertThat(archives.filter(p -> p.toString().endsWith(".tar.gz")).count()).isEqualTo(1);
        }
    }

    private void run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "umask 000 && exec \"$@\"", "sigil"));
        cmd.addAll(JavaChild.sigil("256m", args));
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", args) + ": " + Files.readString(out)).isZero();
    }

    private static void age(Path sessionDir, Duration by) throws IOException {
        FileTime old = FileTime.from(Instant.now().minus(by));
        try (Stream<Path> files = Files.walk(sessionDir)) {
            for (Path p : files.toList()) {
                Files.setLastModifiedTime(p, old);
            }
        }
    }
}
