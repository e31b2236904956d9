package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.event.Level;
import dev.sigil.layout.SessionId;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.view.Display;

/** The stream mode following a session that stalls: the "session incomplete" summary once, then the end after all. */
class StreamMonitorTest {

    @TempDir
    Path root;

    /** A clock whose time can be moved on: the idle minute passes without a test waiting for it. */
    static final class MovableClock extends Clock {
        final AtomicLong offset = new AtomicLong();

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(System.currentTimeMillis() + offset.get());
        }
    }

    @Test
    void aStalledSessionGetsTheIncompleteSummaryOnceAndTheFinalOneWhenItEnds() throws Exception {
        Path log = Files.createDirectories(root.resolve("sessions/s1")).resolve("execution.jsonl");
        Files.writeString(log, Lines.start("2026-01-11T10:00:00", "s1", 100) + "\n"
                + Lines.entry("2026-01-11T10:00:02", "s1", "step_complete", "routing", "routed", 30, 1100.0) + "\n");
        LogTarget target = new LogLocator(root.toString()).session(SessionId.of("s1"));
        MovableClock clock = new MovableClock();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MonitorOptions options = new MonitorOptions(target, MonitorOptions.Mode.STREAM, "", Level.INFO, Duration.ofMillis(50), true,
                false, false, 1 << 20, Display.DEFAULTS);
        StreamMonitor monitor = new StreamMonitor(options, out, new PrintWriter(new StringWriter()), clock);
        CompletableFuture<Boolean> run = CompletableFuture.supplyAsync(monitor::run);
        waitFor(out, "[10:00:02] routing: routed (30 tokens)");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("SESSION INCOMPLETE");
        clock.offset.set(MonitorState.DEFAULT_IDLE_MILLIS + 5_000);
        waitFor(out, "SESSION INCOMPLETE");
        String stalled = out.toString(StandardCharsets.UTF_8);
        assertThat(stalled).contains("Status:   INCOMPLETE\nDuration: 2.0s\n", "  Total:     30 / 100\n");
        Thread.sleep(2500); // more ticks: said once
        assertThat(out.toString(StandardCharsets.UTF_8).split("SESSION INCOMPLETE", -1)).hasSize(2);
        Files.writeString(log, Lines.entry("2026-01-11T10:02:00", "s1", "session_complete", "orchestrator", "done", 0, Double.NaN) + "\n",
                StandardOpenOption.APPEND);
        assertThat(run.get(20, TimeUnit.SECONDS)).as("no problem lines").isFalse();
        String all = out.toString(StandardCharsets.UTF_8);
        assertThat(all.substring(all.indexOf("SESSION INCOMPLETE"))).contains("[10:02:00] orchestrator: done (0 tokens)",
                "EXECUTION COMPLETE", "Status:   COMPLETE\nDuration: 120.0s\n");
    }

    /**
     * Started while the writer rotated: only a rotated part is on disk, and the new file appears later; "Found log
     * file" is said once, before the part's lines. (The race this guards against, the file missing when the monitor
     * looks and there when the follower opens it a moment later, cannot be arranged from here: MonitorRestartIT saw
     * "Found log file" after 160 lines once, printed at the writer's next rotation; the first lines now say it.)
     */
    @Test
    void startedInARotationGapTheLogIsFoundBeforeItsLines() throws Exception {
        Path dir = Files.createDirectories(root.resolve("sessions/s2"));
        Files.writeString(dir.resolve(dev.sigil.layout.LogLayout.rotatedName(1)), Lines.start("2026-01-11T10:00:00", "s2", 100) + "\n"
                + Lines.entry("2026-01-11T10:00:02", "s2", "step_complete", "routing", "routed", 30, 1100.0) + "\n");
        LogTarget target = new LogLocator(root.toString()).session(SessionId.of("s2"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MonitorOptions options = new MonitorOptions(target, MonitorOptions.Mode.STREAM, "", Level.INFO, Duration.ofMillis(50), true,
                false, false, 1 << 20, Display.DEFAULTS);
        StreamMonitor monitor = new StreamMonitor(options, out, new PrintWriter(new StringWriter()), Clock.systemUTC());
        CompletableFuture<Boolean> run = CompletableFuture.supplyAsync(monitor::run);
        waitFor(out, "Waiting for session s2...");
        Files.writeString(dir.resolve("execution.jsonl"),
                Lines.entry("2026-01-11T10:00:05", "s2", "session_complete", "orchestrator", "done", 0, Double.NaN) + "\n");
        assertThat(run.get(20, TimeUnit.SECONDS)).as("no problem lines").isFalse();
        String all = out.toString(StandardCharsets.UTF_8);
        assertThat(all.split("Found log file: ", -1)).as("said once").hasSize(2);
        assertThat(all.indexOf("Found log file: ")).isLessThan(all.indexOf("[10:00:02] routing: routed (30 tokens)"));
        assertThat(all).contains("[10:00:05] orchestrator: done (0 tokens)", "EXECUTION COMPLETE");
    }

    private static void waitFor(ByteArrayOutputStream out, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!out.toString(StandardCharsets.UTF_8).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never printed '" + text + "'; printed:\n" + out.toString(StandardCharsets.UTF_8));
            }
            Thread.sleep(50); // a real follower on a real file; no timing is asserted
        }
    }
}
