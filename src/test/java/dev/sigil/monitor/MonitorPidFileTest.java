package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.layout.LogLayout;

/** monitor.pid as one process sees it: its line while it runs, stale lines of dead or reused pids dropped, no file after. */
class MonitorPidFileTest {

    @TempDir
    Path root;

    @Test
    void aMonitorAddsItsLineAndRemovesItAndStaleLinesOfOthersGo() throws Exception {
        LogLayout layout = new LogLayout(root);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long me = ProcessHandle.current().pid();
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            long otherStart = other.info().startInstant().orElseThrow().toEpochMilli();
            List<String> before = new ArrayList<>(List.of(
                    gone.pid() + " 0 dead-session",                  // its process has ended
                    other.pid() + " " + (otherStart + 5000) + " reused", // that pid now belongs to a later process
                    other.pid() + " " + otherStart + " live-session", // another monitor, still running
                    "not a line"));
            Files.write(layout.monitorPid(), before, StandardCharsets.US_ASCII);

            try (MonitorPidFile pid = MonitorPidFile.register(layout, "demo 7", m -> { throw new AssertionError(m); })) {
                List<String> lines = Files.readAllLines(layout.monitorPid());
                assertThat(lines).hasSize(2);
                assertThat(lines.get(0)).isEqualTo(other.pid() + " " + otherStart + " live-session");
                assertThat(lines.get(1)).startsWith(me + " ").endsWith(" demo_7");
                assertThat(MonitorPidFile.running(layout)).isEqualTo(lines);
            }
            assertThat(Files.readAllLines(layout.monitorPid())).as("the other monitor's line stays")
                    .containsExactly(other.pid() + " " + otherStart + " live-session");
        } finally {
            other.destroyForcibly().waitFor();
        }
        try (MonitorPidFile pid = MonitorPidFile.register(layout, "s", m -> { throw new AssertionError(m); })) {
            assertThat(MonitorPidFile.running(layout)).hasSize(1);
        }
        assertThat(layout.monitorPid()).as("no monitor runs: no file").doesNotExist();
    }

    @Test
    void noLogRootNoFile() {
        LogLayout layout = new LogLayout(root.resolve("not-yet"));
        try (MonitorPidFile pid = MonitorPidFile.register(layout, "s", m -> { throw new AssertionError(m); })) {
            assertThat(root.resolve("not-yet")).as("the monitor creates no directory").doesNotExist();
        }
    }
}
