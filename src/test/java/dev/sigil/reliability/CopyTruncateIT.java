package dev.sigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.testing.Await;

/**
 * Copy-truncate without catch-up, as logrotate's {@code copytruncate} does it to a program that keeps its log open
 * (O_APPEND): while a writer appends a line every millisecond, another thread copies the log and truncates it in
 * place every 300 ms. Lines written after a follower's last read and before the truncation are gone for that
 * follower (the copy holds them); how many depends on how soon after a write the follower reads. GNU {@code tail -F}
 * (inotify) and {@code sigil tail --follow} follow the same log in the same run; sigil must lose no more than tail
 * does, give or take the scheduling of a busy machine (issue 11: with its 100 ms poll alone, sigil lost about 7
 * times what tail lost). The figures of each run are printed and kept in docs/reliability.md.
 */
class CopyTruncateIT {

    private static final int LINES = 1800;
    private static final Pattern SEQ = Pattern.compile("copy-truncate seq (\\d+) ");

    private static final String WRITER = String.join("\n",
            "import os, sys, time, threading, shutil, json",
            "log, n = sys.argv[1], int(sys.argv[2])",
            "fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)",
            "done = threading.Event()",
            "def rotate():",
            "    k = 0",
            "    while not done.wait(0.3):",
            "        k += 1",
            "        shutil.copyfile(log, log + '.' + str(k))",
            "        os.truncate(log, 0)",
            "t = threading.Thread(target=rotate)",
            "t.start()",
            "for i in range(n):",
            "    e = {'timestamp': '2026-01-11T10:15:32.123456', 'session_id': 'ct', 'event_type': 'step_complete',",
            "         'component': 'routing', 'message': 'copy-truncate seq %d ' % i + 'x' * 150, 'tokens': 1, 'metadata': {}}",
            "    os.write(fd, (json.dumps(e, separators=(',', ':')) + '\\n').encode())",
            "    time.sleep(0.001)",
            "done.set()",
            "t.join()",
            "");

    @TempDir
    Path dir;

    @Test
    void aFollowerLosesNoMoreThanTailDashFToCopyTruncate() throws Exception {
        Path log = dir.resolve("app.jsonl");
        // A first line that both followers must have printed before the writer starts: they are up and following
        // (a follower that starts late loses what the first truncations took, which is not what is measured here).
        Files.writeString(log, READY + "\n");
        Path script = Files.writeString(dir.resolve("writer.py"), WRITER);
        Process tail = new ProcessBuilder("tail", "-F", "-n", "+1", log.toString())
                .redirectOutput(dir.resolve("tail.out").toFile()).redirectError(dir.resolve("tail.err").toFile()).start();
        Process sigil = new ProcessBuilder(JavaChild.sigil("128m", "tail", "--follow", "--format", "jsonl", log.toString()))
                .redirectOutput(dir.resolve("sigil.out").toFile()).redirectError(dir.resolve("sigil.err").toFile()).start();
        try {
            Await.until(() -> shows(dir.resolve("tail.out"), "copy-truncate ready") && shows(dir.resolve("sigil.out"), "copy-truncate ready"),
                    "both followers printing the first line");
            Process writer = new ProcessBuilder("python3", script.toString(), log.toString(), Integer.toString(LINES)).inheritIO().start();
            assertThat(writer.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(writer.exitValue()).isZero();
            List<String> left = Files.readAllLines(log, StandardCharsets.UTF_8); // what the last truncation left
            String last = left.isEmpty() ? "" : left.get(left.size() - 1);
            Await.until(() -> shows(dir.resolve("tail.out"), last) && shows(dir.resolve("sigil.out"), last), "both followers at the log's end");
        } finally {
            tail.destroy();
            sigil.destroy();
            tail.waitFor(10, TimeUnit.SECONDS);
            sigil.waitFor(10, TimeUnit.SECONDS);
        }
        int tailSeen = seen(dir.resolve("tail.out"));
        int sigilSeen = seen(dir.resolve("sigil.out"));
        long rotations;
        try (var copies = Files.list(dir)) {
            rotations = copies.filter(p -> p.getFileName().toString().matches("app\\.jsonl\\.[0-9]+")).count();
        }
        int tailLost = LINES - tailSeen;
        int sigilLost = LINES - sigilSeen;
        System.out.printf("CopyTruncateIT: %d lines, %d copy-truncates: tail -F lost %d, sigil tail --follow lost %d%n",
                LINES, rotations, tailLost, sigilLost);
        assertThat(rotations).isGreaterThanOrEqualTo(3);
        assertThat(Files.readString(dir.resolve("sigil.err"))).contains("truncated");
        // Per truncation, a follower woken by each change loses what is written while it wakes up (a few lines on a busy
        // machine, where the JVM's two hops from inotify to the reading thread cost more than tail's one); the poll
        // alone lost what half its 100 ms interval holds, about 40 lines, every time (issue 11).
        assertThat(sigilLost).as("sigil lost %d, tail -F %d", sigilLost, tailLost).isLessThanOrEqualTo(2 * tailLost + 10 + 5 * (int) rotations);
    }

    private static final String READY = "{\"timestamp\":\"2026-01-11T10:15:32.000001\",\"session_id\":\"ct\",\"event_type\":"
            + "\"session_start\",\"component\":\"orchestrator\",\"message\":\"copy-truncate ready\",\"tokens\":0,\"metadata\":{}}";

    private static boolean shows(Path out, String text) {
        try {
            return Files.exists(out) && Files.readString(out, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** The distinct lines a follower printed (each entry once: neither prints a line twice here). */
    private static int seen(Path out) throws Exception {
        Set<Integer> seqs = new HashSet<>();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        for (String l : lines) {
            Matcher m = SEQ.matcher(l);
            if (m.find()) {
                seqs.add(Integer.parseInt(m.group(1)));
            }
        }
        return seqs.size();
    }
}
