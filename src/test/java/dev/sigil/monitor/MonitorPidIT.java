package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * monitor.pid with real monitor processes through the launcher: two monitors on one session each have their line;
 * one killed with -9 leaves a stale line that the next monitor drops; a monitor stopped with Ctrl-C removes its own.
 */
class MonitorPidIT {

    @TempDir
    Path home;

    private Process monitor(Path out) throws IOException {
        String sigil = Path.of(System.getProperty("sigil.home"), "scripts", "sigil").toString();
        ProcessBuilder pb = new ProcessBuilder(sigil, "monitor", "--session", "shared", "--mode", "stream")
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.appendTo(out.toFile()));
        pb.environment().put("HOME", home.toString());
        pb.environment().put("SIGIL_NO_BUILD", "1");
        return pb.start();
    }

    private List<String> pids(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).stream().map(l -> l.split(" ")[0]).toList() : List.of();
    }

    private List<String> waitFor(Path file, Predicate<List<String>> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> now = pids(file);
        while (!done.test(now) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            now = pids(file);
        }
        return now;
    }

    /** The JVM of a launcher process: the launcher execs java, so it is the process itself or its only child. */
    private static String jvm(Process p) {
        return Long.toString(p.pid());
    }

    @Test
    void twoMonitorsAStaleOneAndACleanExit() throws Exception {
        Path logs = Files.createDirectories(home.resolve(".sigil/logs/sessions/shared"));
        Files.writeString(logs.resolve("execution.jsonl"), Lines.start("2026-01-11T10:00:00", "shared", 1000) + "\n");
        Path pidFile = home.resolve(".sigil/logs/monitor.pid");
        Process a = monitor(home.resolve("a.txt"));
        Process b = monitor(home.resolve("b.txt"));
        Process c = null;
        try {
            List<String> both = waitFor(pidFile, l -> l.containsAll(List.of(jvm(a), jvm(b))));
            assertThat(both).as("two monitors on one session, one line each").containsExactlyInAnyOrder(jvm(a), jvm(b));
            assertThat(Files.readAllLines(pidFile)).allMatch(l -> l.endsWith(" shared"));

            a.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertThat(pids(pidFile)).as("kill -9 leaves its line").contains(jvm(a));
            c = monitor(home.resolve("c.txt"));
            Process third = c;
            List<String> after = waitFor(pidFile, l -> l.contains(jvm(third)));
            assertThat(after).as("the stale line is dropped by the next monitor").containsExactlyInAnyOrder(jvm(b), jvm(c));

            new ProcessBuilder("kill", "-INT", jvm(b)).start().waitFor();
            assertThat(b.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(waitFor(pidFile, l -> !l.contains(jvm(b)))).as("Ctrl-C removes its own line").containsExactly(jvm(c));
            assertThat(Files.readString(home.resolve("b.txt"))).contains("Monitor stopped.");
        } finally {
            a.destroyForcibly();
            b.destroyForcibly();
            if (c != null) {
                c.destroyForcibly();
            }
        }
    }
}
