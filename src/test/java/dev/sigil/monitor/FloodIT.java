package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.testing.Tmux;

/**
 * The dashboard under a writer far faster than any screen (seed 001 §10.3), in a real terminal (tmux, a server of its
 * own): while a thread appends entries as fast as it can, the dashboard still answers a key (p pauses it), says how
 * far behind the log it reads, and q ends it. The entries are of the benchmarks' size (about 300 bytes): with 4 KiB
 * answers the dashboard's 40 MB heap runs out on main whatever the cap (issue 11, the memory bounds by bytes);
 * {@code FastWriterFeedTest} runs the cap itself on 4 KiB entries.
 */
class FloodIT {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @TempDir
    Path home;

    private final AtomicBoolean writing = new AtomicBoolean(true);

    @AfterEach
    void tearDown() throws Exception {
        writing.set(false);
    }

    @Test
    void theDashboardAnswersKeysAndSaysHowFarBehindItIs() throws Exception {
        Path log = Files.createDirectories(home.resolve(".sigil/logs/sessions/flood")).resolve("execution.jsonl");
        Files.writeString(log, Lines.start("2026-01-11T10:00:00", "flood", 100_000_000) + "\n");
        String sigil = Path.of(System.getProperty("sigil.home"), "scripts", "sigil").toString();
        try (Tmux t = Tmux.start(120, 30,
                "HOME='" + home + "' SIGIL_NO_BUILD=1 '" + sigil + "' monitor --session flood --no-color; echo \"SIGIL-EXITED rc=$?\"; sleep 60")) {
            t.waitFor(s -> s.contains("SIGIL MONITOR") && s.contains("session flood"), WAIT);
            Thread writer = new Thread(() -> flood(log), "flood-writer");
            writer.start();
            try {
                String behind = t.waitFor(s -> s.contains("behind the log"), WAIT);
                assertThat(behind).containsPattern("reading [0-9]+\\.[0-9] MiB behind the log");
                t.keys("p");
                assertThat(t.waitFor(s -> s.contains("PAUSED"), WAIT)).as("a key is answered while the log floods in").contains("PAUSED");
                t.keys("q");
                assertThat(t.waitFor(s -> s.contains("SIGIL-EXITED"), WAIT)).contains("SIGIL-EXITED rc=0");
            } finally {
                writing.set(false);
                writer.join(10_000);
            }
        }
    }

    /** Appends entries as fast as the disk takes them: 100,000 at most, ten seconds of reading at the cap. */
    private void flood(Path log) {
        String answer = "An answer of the model. ".repeat(6);
        try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
            long written = 0;
            for (int i = 0; writing.get() && i < 100_000; i++) {
                byte[] line = (Lines.entry("2026-01-11T10:00:01", "flood", "step_complete", "reasoning", "step " + i + ": " + answer, 10, 5.0)
                        + "\n").getBytes(StandardCharsets.UTF_8);
                out.write(line);
                written += line.length;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
