package dev.sigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Path traversal, through real processes: session ids with {@code ../} and absolute paths, and symbolic links planted
 * in the log directory (a session directory, a session's log, a rotated part, current.jsonl, archive directories and
 * archives) that lead to a directory outside. Every command that takes a session refuses with a message, the
 * maintenance skips or removes only the links themselves, nothing from outside is shown, and the outside tree stays
 * byte-identical (content, mode, modification time).
 */
class PathTraversalIT {

    private static final String SECRET = "OUTSIDE-SECRET-7f3a";

    @TempDir
    Path dir;

    @Test
    void nothingOutsideTheLogDirectoryIsReadOrWritten() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside/sub"));
        String entry = "{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"session_id\":\"x\",\"event_type\":\"step_complete\","
                + "\"component\":\"routing\",\"message\":\"" + SECRET + "\",\"tokens\":1,\"metadata\":{}}\n";
        Files.writeString(dir.resolve("outside/execution.jsonl"), entry);
        Files.writeString(dir.resolve("outside/secret.txt"), SECRET + "\n");
        Files.writeString(outside.resolve("execution.jsonl"), entry);
        age(dir.resolve("outside"));
        TreeMap<String, String> before = snapshot(dir.resolve("outside"));

        Path logs = dir.resolve("logs");
        Path sessions = Files.createDirectories(logs.resolve("sessions"));
        Files.createDirectories(sessions.resolve("legit"));
        Files.writeString(sessions.resolve("legit/execution.jsonl"), entry.replace(SECRET, "legit entry"));
        Files.writeString(sessions.resolve("legit/execution.2.jsonl"), entry.replace(SECRET, "legit part"));
        Files.createSymbolicLink(sessions.resolve("legit/execution.1.jsonl"), dir.resolve("outside/execution.jsonl"));
        Files.createSymbolicLink(sessions.resolve("evil"), dir.resolve("outside"));
        Files.createDirectories(sessions.resolve("linked"));
        Files.createSymbolicLink(sessions.resolve("linked/execution.jsonl"), dir.resolve("outside/execution.jsonl"));
        Files.createSymbolicLink(logs.resolve("current.jsonl"), Path.of("../outside/execution.jsonl"));
        Files.createDirectories(logs.resolve("archive/2000-01-02"));
        Files.createSymbolicLink(logs.resolve("archive/2000-01-01"), dir.resolve("outside"));
        Files.createSymbolicLink(logs.resolve("archive/2000-01-02/legit.tar.gz"), dir.resolve("outside/secret.txt"));
        age(logs);

        String l = logs.toString();
        List<String> outputs = new ArrayList<>();
        expectRefused(outputs, "leads to", "tail", "--session", "evil", "--log-path", l);
        expectRefused(outputs, "leads to", "tail", "--session", "linked", "--log-path", l);
        expectRefused(outputs, "--session: session id", "tail", "--session", "../outside", "--log-path", l);
        expectRefused(outputs, "leads to", "monitor", "--session", "evil", "--no-follow", "--log-path", l);
        expectRefused(outputs, "leads to", "monitor", "--no-follow", "--log-path", l);
        expectRefused(outputs, "--session: session id", "monitor", "--session", "/etc", "--no-follow", "--log-path", l);
        expectRefused(outputs, "session", "orchestrate", "--session", "../outside/x", "--log-path", l, "--speed", "0", "task");
        expectRefused(outputs, "symbolic link", "orchestrate", "--session", "evil", "--log-path", l, "--speed", "0", "task");
        expectRefused(outputs, "symbolic link", "orchestrate", "--session", "linked", "--log-path", l, "--speed", "0", "task");
        String legit = run(outputs, "monitor", "--session", "legit", "--no-follow", "--mode", "stream", "--log-path", l);
        assertThat(legit).contains("legit part", "legit entry");
        String maintenance = run(outputs, "logs", "maintenance", "--log-path", l, "--retention-days", "1", "--archive-retention-days", "1");

        System.out.println("PathTraversalIT: maintenance said:\n" + maintenance);
        assertThat(snapshot(dir.resolve("outside"))).as("the outside tree").isEqualTo(before);
        assertThat(outputs).noneMatch(o -> o.contains(SECRET));
        assertThat(Files.exists(sessions.resolve("evil"), LinkOption.NOFOLLOW_LINKS)).as("a planted link is skipped, not followed").isTrue();
    }

    private void expectRefused(List<String> outputs, String says, String... args) throws Exception {
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(JavaChild.sigil("128m", args)).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(out);
        outputs.add(text);
        assertThat(p.exitValue()).as(String.join(" ", args) + ": " + text).isEqualTo(2);
        assertThat(text).as(String.join(" ", args)).contains(says).doesNotContain("Exception", "\tat ");
    }

    private String run(List<String> outputs, String... args) throws Exception {
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(JavaChild.sigil("128m", args)).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(out);
        outputs.add(text);
        assertThat(p.exitValue()).as(String.join(" ", args) + ": " + text).isIn(0, 1);
        return text;
    }

    /** Every entry under {@code root}, without following links: type, mode, modification time and a digest of the bytes. */
    private static TreeMap<String, String> snapshot(Path root) throws Exception {
        TreeMap<String, String> out = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                String time = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toString();
                String content = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))) : "dir";
                out.put(root.relativize(p).toString(), mode + " " + time + " " + content);
            }
        }
        return out;
    }

    /** Makes everything a month old (links themselves included), so that the maintenance would act on it. */
    private static void age(Path root) throws IOException {
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofDays(40)));
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.getFileAttributeView(p, java.nio.file.attribute.BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .setTimes(old, null, null);
            }
        }
    }
}
