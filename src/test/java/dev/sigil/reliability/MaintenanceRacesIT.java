package dev.sigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sigil logs} while writers are live (issue 11), as real processes: a writer that takes no lock (as the Python
 * logger) keeps its log open while {@code sigil logs rotate} runs, and a session is written to while
 * {@code sigil logs archive} archives it. Nothing written may end up where no follower looks, or be deleted without
 * being in the archive.
 */
class MaintenanceRacesIT {

    private static final String LOCKLESS_WRITER = String.join("\n",
            "import os, sys, time",
            "fd = os.open(sys.argv[1], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)",
            "for i in range(int(sys.argv[2])):",
            "    os.write(fd, ('{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"session_id\":\"py\",\"event_type\":\"step_complete\","
                    + "\"component\":\"routing\",\"message\":\"python %d\",\"tokens\":1,\"metadata\":{}}\\n' % i).encode())",
            "    time.sleep(0.02)",
            "");

    /** Waits for the archive's temporary file, then writes into the session being archived: a line, and a new file. */
    private static final String DURING_ARCHIVE = String.join("\n",
            "import os, sys, time",
            "tmp, session = sys.argv[1], sys.argv[2]",
            "deadline = time.time() + 60",
            "while not os.path.exists(tmp) and time.time() < deadline:",
            "    time.sleep(0.0005)",
            "time.sleep(0.05)  # the archive is being written by now (a second or two for this session)",
            "with open(os.path.join(session, 'execution.jsonl'), 'a') as f:",
            "    f.write('{\"written\":\"while archiving\"}\\n')",
            "with open(os.path.join(session, 'notes-during.txt'), 'w') as f:",
            "    f.write('created while archiving\\n')",
            "print('wrote' if os.path.exists(tmp) else 'too late')",
            "");

    @TempDir
    Path dir;

    @Test
    void rotateLeavesALogAWriterWithoutALockIsStillWritingAndSaysWhy() throws Exception {
        Path logs = dir.resolve("logs");
        Path session = Files.createDirectories(logs.resolve("sessions/py"));
        Path log = session.resolve("execution.jsonl");
        Files.writeString(log, "{\"old\":\"" + "x".repeat(4000) + "\"}\n");
        Path script = Files.writeString(dir.resolve("writer.py"), LOCKLESS_WRITER);
        Process writer = new ProcessBuilder("python3", script.toString(), log.toString(), "100").inheritIO().start();
        Thread.sleep(500);
        Run rotate = sigil("logs", "rotate", "--log-path", logs.toString(), "--max-file-size", "1000");
        assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(rotate.exit).as(rotate.text).isZero();
        assertThat(rotate.text).contains("skipped sessions/py/execution.jsonl: written ", " s ago; a log is rotated only once no one has "
                + "written it for 30 minutes (logging.rotate_idle_minutes, --idle-minutes)");
        assertThat(session.resolve("execution.1.jsonl")).as("rotated under a live writer").doesNotExist();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(101);
        assertThat(lines.get(100)).contains("python 99");

        // Once the writer has been quiet for the idle time, the log is rotated.
        Files.setLastModifiedTime(log, FileTime.from(Instant.now().minus(2, ChronoUnit.MINUTES)));
        Run later = sigil("logs", "rotate", "--log-path", logs.toString(), "--max-file-size", "1000", "--idle-minutes", "1");
        assertThat(later.text).contains("rotated sessions/py/execution.jsonl -> execution.1.jsonl");
        assertThat(Files.readAllLines(session.resolve("execution.1.jsonl"))).hasSize(101);
    }

    @Test
    void archiveRemovesOnlyWhatTheArchiveHoldsAndLeavesWhatWasWrittenMeanwhile() throws Exception {
        Path logs = dir.resolve("logs");
        Path session = Files.createDirectories(logs.resolve("sessions/big"));
        Random random = new Random(11);
        StringBuilder text = new StringBuilder();
        byte[] chunk = new byte[3000];
        try (var out = Files.newBufferedWriter(session.resolve("execution.jsonl"))) {
            for (int i = 0; i < 6_000; i++) { // about 24 MB that gzip cannot shrink much: a second or two of archiving
                random.nextBytes(chunk);
                out.write("{\"n\":" + i + ",\"blob\":\"" + Base64.getEncoder().encodeToString(chunk) + "\"}\n");
            }
        }
        Files.writeString(session.resolve("metrics.json"), "{}\n");
        Map<String, byte[]> before = new HashMap<>();
        for (String f : List.of("execution.jsonl", "metrics.json")) {
            before.put(f, Files.readAllBytes(session.resolve(f)));
        }
        FileTime old = FileTime.from(Instant.now().minus(10, ChronoUnit.DAYS));
        try (Stream<Path> files = Files.list(session)) {
            for (Path f : files.toList()) {
                Files.setLastModifiedTime(f, old);
            }
        }
        String day = LocalDate.now().toString();
        Path tmp = logs.resolve("archive").resolve(day).resolve(".big.tar.gz.tmp");
        Path script = Files.writeString(dir.resolve("during.py"), DURING_ARCHIVE);
        Process during = new ProcessBuilder("python3", script.toString(), tmp.toString(), session.toString())
                .redirectOutput(dir.resolve("during.txt").toFile()).start();
        Run archive = sigil("logs", "archive", "--log-path", logs.toString());
        assertThat(during.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(dir.resolve("during.txt")).strip()).as("written while the archive was being made").isEqualTo("wrote");
        System.out.println("MaintenanceRacesIT archive:\n" + archive.text);
        assertThat(archive.exit).as(archive.text).isZero();
        assertThat(archive.text).contains("archived sessions/big -> archive/" + day + "/big.tar.gz");

        // Nothing written is lost: each byte is in the archive or still in the session directory.
        Map<String, byte[]> archived = untar(logs.resolve("archive").resolve(day).resolve("big.tar.gz"));
        String line = "{\"written\":\"while archiving\"}\n";
        String inArchive = new String(archived.get("big/execution.jsonl"), StandardCharsets.US_ASCII);
        Path log = session.resolve("execution.jsonl");
        String onDisk = Files.exists(log) ? Files.readString(log, StandardCharsets.US_ASCII) : "";
        assertThat(inArchive.endsWith(line) || onDisk.endsWith(line)).as("the line written while archiving is kept somewhere").isTrue();
        assertThat(inArchive).startsWith(new String(before.get("execution.jsonl"), StandardCharsets.US_ASCII));
        assertThat(archived.containsKey("big/notes-during.txt") || Files.exists(session.resolve("notes-during.txt"))).isTrue();
        assertThat(archived.get("big/metrics.json")).isEqualTo(before.get("metrics.json"));
        assertThat(session.resolve("metrics.json")).as("what the archive holds as it is goes").doesNotExist();
        if (!inArchive.endsWith(line)) {
            // the usual case: written after the archive had read the log
            assertThat(archive.text).contains("skipped sessions/big/execution.jsonl: written while the session was being archived");
            assertThat(onDisk).isEqualTo(new String(before.get("execution.jsonl"), StandardCharsets.US_ASCII) + line);
        }
        if (!archived.containsKey("big/notes-during.txt")) {
            assertThat(archive.text).contains("skipped sessions/big/notes-during.txt: created while the session was being archived");
            assertThat(session.resolve("notes-during.txt")).hasContent("created while archiving");
        }
    }

    private static Map<String, byte[]> untar(Path archive) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (InputStream in = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (!e.isDirectory()) {
                    out.put(e.getName(), tar.readAllBytes());
                }
            }
        }
        return out;
    }

    private record Run(int exit, String text) {
    }

    private Run sigil(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Process p = new ProcessBuilder(JavaChild.sigil("256m", args)).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out));
    }
}
