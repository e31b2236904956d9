package dev.sigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Followers and a writer that lose nothing (issue 11), as real processes of the packaged jar on real files: a log
 * truncated in place and written again past the old offset before the next poll, a followed name replaced by a FIFO,
 * a log rotated and compressed as logrotate does it, and a session log deleted while {@code orchestrate} writes it.
 * Every process a test starts is stopped when it ends.
 */
class FollowersIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    /** An entry whose first 64 bytes and last 32 bytes are the same whatever the message's number. */
    private static String entry(String tag, int n) {
        return "{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"session_id\":\"s1\",\"event_type\":\"step_complete\",\"component\":"
                + "\"routing\",\"message\":\"" + tag + " " + String.format(Locale.ROOT, "%03d", n) + " " + "x".repeat(30)
                + "\",\"tokens\":0,\"metadata\":{}}\n";
    }

    private static String entries(String tag, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            b.append(entry(tag, i));
        }
        return b.toString();
    }

    @Test
    void aLogTruncatedInPlaceAndRegrownPastTheOldOffsetIsReadAgainByTailAndByTheMonitor() throws Exception {
        Path log = dir.resolve("app.jsonl");
        Files.writeString(log, entries("old", 100));
        Follower tail = Follower.start(dir, "tail", "tail", "--follow", log.toString());
        Follower monitor = Follower.start(dir, "monitor", "monitor", "--mode", "stream", log.toString());
        try {
            assertThat(tail.await("old 100", 30)).as(tail.err()).isTrue();
            assertThat(monitor.await("old 100", 30)).as(monitor.err()).isTrue();
            try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ch.truncate(0);
                ch.write(java.nio.ByteBuffer.wrap(entries("new", 300).getBytes(StandardCharsets.UTF_8)));
            }
            assertThat(tail.await("new 300", 30)).as(tail.err()).isTrue();
            assertThat(monitor.await("new 300", 30)).as(monitor.err()).isTrue();
            Thread.sleep(300);
            for (Follower f : List.of(tail, monitor)) {
                List<String> missing = new ArrayList<>();
                for (int i = 1; i <= 300; i++) {
                    if (!f.out().contains(String.format(Locale.ROOT, "new %03d ", i))) {
                        missing.add(String.format(Locale.ROOT, "%03d", i));
                    }
                }
                System.out.println("FollowersIT " + f.name + ": " + missing.size() + " of 300 new lines missing");
                assertThat(missing).as(f.name + " skipped new lines").isEmpty();
            }
        } finally {
            tail.stop();
            monitor.stop();
        }
    }

    @Test
    void aFollowedNameReplacedByAFifoIsReportedAndTheOtherFilesGoOn() throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Files.writeString(a, entry("a", 1));
        Files.writeString(b, entry("b", 1));
        Follower tail = Follower.start(dir, "tail", "tail", "--follow", a.toString(), b.toString());
        try {
            assertThat(tail.await("b 001", 30)).as(tail.err()).isTrue();
            Files.delete(a);
            Process mkfifo = new ProcessBuilder("mkfifo", a.toString()).inheritIO().start();
            assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).isTrue();
            Thread.sleep(300); // a few polls with the FIFO at the name
            for (int i = 2; i <= 5; i++) {
                Files.writeString(b, entry("b", i), StandardOpenOption.APPEND);
            }
            assertThat(tail.await("b 005", 10)).as("b is still followed: " + tail.err()).isTrue();
            assertThat(tail.err()).contains("a.jsonl").contains("not a regular file");
        } finally {
            tail.stop();
        }
    }

    /**
     * logrotate's {@code compress} without {@code delaycompress}: the log renamed to {@code app.jsonl.1}, a new
     * {@code app.jsonl} created, the writer still appending to the renamed file for a moment (a handler that reopens
     * late), then {@code gzip} (the real one) replaces the renamed file by {@code app.jsonl.1.gz} and deletes it. Lines
     * carry 4 KiB LLM outputs. Every line must come out of {@code sigil tail --follow} and the monitor exactly once.
     * Each new file is seen by the followers before the next rotation, as rotations are rare next to polls: a file that
     * lives less than a poll, then goes to a name no follower knows and is deleted, is lost to every follower (GNU
     * tail's too); that happened here at random (200 lines, one whole file) before the test waited.
     */
    @Test
    void aLogRotatedAndCompressedAsLogrotateDoesIsFollowedWithoutLoss() throws Exception {
        Path log = dir.resolve("app.jsonl");
        String output = "Résumé validé — 日本語の要約 ".repeat(120);
        int[] n = {0};
        FileChannel current = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        write(current, n, 50, output);
        Follower tail = Follower.start(dir, "tail", "tail", "--follow", log.toString());
        Follower monitor = Follower.start(dir, "monitor", "monitor", "--mode", "stream", log.toString());
        try {
            assertThat(tail.await(label(50), 30)).as(tail.err()).isTrue();
            assertThat(monitor.await(label(50), 30)).as(monitor.err()).isTrue();
            for (int round = 1; round <= 4; round++) {
                write(current, n, 150, output);
                Path renamed = log.resolveSibling("app.jsonl.1");
                Files.move(log, renamed);
                FileChannel next = FileChannel.open(log, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                write(current, n, 20, output); // late writes to the renamed file
                current.close();
                current = next;
                Files.deleteIfExists(log.resolveSibling("app.jsonl.1.gz"));
                Process gzip = new ProcessBuilder("gzip", renamed.toString()).inheritIO().start();
                assertThat(gzip.waitFor(30, TimeUnit.SECONDS) && gzip.exitValue() == 0).isTrue();
                write(current, n, 30, output);
                // Rotations are rare next to polls (logrotate runs daily): each new file is seen before the next one comes.
                for (Follower f : List.of(tail, monitor)) {
                    assertThat(f.await(label(n[0]), 30)).as(f.name + ": " + f.err()).isTrue();
                }
            }
            current.close();
            for (Follower f : List.of(tail, monitor)) {
                assertThat(f.await(label(n[0]), 30)).as(f.name + ": " + f.err()).isTrue();
            }
            Thread.sleep(300);
            for (Follower f : List.of(tail, monitor)) {
                String out = f.out();
                List<Integer> lost = new ArrayList<>();
                List<Integer> twice = new ArrayList<>();
                for (int i = 1; i <= n[0]; i++) {
                    int at = out.indexOf(label(i));
                    if (at < 0) {
                        lost.add(i);
                    } else if (out.indexOf(label(i), at + 1) >= 0) {
                        twice.add(i);
                    }
                }
                System.out.println("FollowersIT rotate+gzip " + f.name + ": " + n[0] + " lines, " + lost.size() + " lost, " + twice.size() + " twice");
                assertThat(lost).as(f.name + " lost; it said: " + f.err()).isEmpty();
                assertThat(twice).as(f.name + " duplicated").isEmpty();
            }
        } finally {
            current.close();
            tail.stop();
            monitor.stop();
        }
    }

    private static String label(int i) {
        return String.format(Locale.ROOT, "line %05d ", i);
    }

    private static void write(FileChannel ch, int[] n, int count, String output) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            n[0]++;
            b.append("{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"session_id\":\"s1\",\"event_type\":\"step_complete\",")
                    .append("\"component\":\"routing\",\"message\":\"").append(label(n[0])).append("done\",\"tokens\":7,")
                    .append("\"metadata\":{\"output\":\"").append(output).append("\"}}\n");
        }
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    @Test
    void aLogDeletedDuringTheRunIsCreatedAgainAndWhatItHeldIsCounted() throws Exception {
        Path logs = dir.resolve("logs");
        Path log = logs.resolve("sessions/deleted/execution.jsonl");
        Process run = new ProcessBuilder(JavaChild.sigil("256m", "orchestrate", "--log-path", logs.toString(), "--session", "deleted",
                "--speed", "0.3", "Qualify this lead: Ada at Acme")).redirectErrorStream(true).redirectOutput(dir.resolve("run.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(log) && Files.readAllLines(log).size() >= 3) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(run.isAlive()).isTrue();
        try (FileChannel deleted = FileChannel.open(log, StandardOpenOption.READ)) {
            try {
                Files.delete(log);
                assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
                String said = Files.readString(dir.resolve("run.txt"));
                String held = new String(java.nio.channels.Channels.newInputStream(deleted).readAllBytes(), StandardCharsets.UTF_8);
                long heldLines = held.lines().count();
                assertThat(run.exitValue()).as(said).isZero();
                assertThat(log).as("created again: " + said).exists();
                List<String> lines = Files.readAllLines(log);
                // the notice follows the batch whose write found the log gone
                JsonNode notice = JSON.readTree(lines.stream().filter(l -> l.contains("\"event_type\":\"error\"")).findFirst().orElseThrow());
                assertThat(notice.get("message").stringValue()).contains("deleted during the run", heldLines + " entries");
                assertThat(notice.get("metadata").get("lost_entries").longValue()).isEqualTo(heldLines);
                assertThat(lines.get(lines.size() - 1)).contains("\"event_type\":\"session_complete\"");
                JsonNode record = JSON.readTree(Files.readAllLines(log.resolveSibling("errors.jsonl")).stream()
                        .filter(l -> l.contains("\"log_deleted\"")).findFirst().orElseThrow());
                assertThat(record.get("entries").longValue()).isEqualTo(heldLines);
                assertThat(record.get("bytes").longValue()).isEqualTo(held.getBytes(StandardCharsets.UTF_8).length);
                JsonNode metrics = JSON.readTree(Files.readString(log.resolveSibling("metrics.json")));
                assertThat(metrics.get("logger").get("entries_in_deleted_logs").longValue()).isEqualTo(heldLines);
                assertThat(said).contains("was deleted (or renamed away) during the run", heldLines + " entries");
                System.out.println("FollowersIT: the deleted log held " + heldLines + " entries; the new one has " + lines.size());
            } finally {
                run.destroyForcibly(); // never outlives the test
            }
        }
    }

    /** A sigil process following something, its stdout and stderr in files. */
    private static final class Follower {
        final String name;
        final Process process;
        final Path out;
        final Path err;

        private Follower(String name, Process process, Path out, Path err) {
            this.name = name;
            this.process = process;
            this.out = out;
            this.err = err;
        }

        static Follower start(Path dir, String name, String... args) throws IOException {
            Path out = dir.resolve(name + ".out");
            Path err = dir.resolve(name + ".err");
            Process p = new ProcessBuilder(JavaChild.sigil("128m", args)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new Follower(name, p, out, err);
        }

        boolean await(String text, int seconds) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                if (out().contains(text)) {
                    return true;
                }
                Thread.sleep(20);
            }
            return false;
        }

        String out() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        String err() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
