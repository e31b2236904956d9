package dev.sigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.testing.Await;

/**
 * Seed 001 §8.3.2, for real: while a pipeline writes its session (the production logger in its own process, rotating
 * every 16 KiB), a monitor is killed with SIGKILL in the middle and started again. The restarted monitor reads the
 * whole log from the beginning, rotated parts included, and prints exactly what a monitor that watched from the
 * start printed, and what a monitor reading the finished log prints: every event and the same final summary.
 */
class MonitorRestartIT {

    @TempDir
    Path dir;

    @Test
    void aMonitorKilledMidSessionAndRestartedRebuildsTheSameState() throws Exception {
        Path logs = dir.resolve("logs");
        Path session = logs.resolve("sessions/drill");
        Process watcher = monitor(logs, "watched.out", false);
        Process writer = new ProcessBuilder(JavaChild.main(SessionWriterChild.class, logs.toString(), "drill", "400", "10", "16384",
                "200")).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader writerOut = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
        assertThat(writerOut.readLine()).isEqualTo("ready");
        Await.until(() -> Files.exists(session.resolve("execution.2.jsonl")), "two rotated parts");

        Process killed = monitor(logs, "killed.out", false);
        Await.until(() -> lines(dir.resolve("killed.out")) >= 12, "the first monitor showing events");
        killed.destroyForcibly(); // SIGKILL, mid-session
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.isAlive()).as("the session is still being written when the monitor restarts").isTrue();
        Process restarted = monitor(logs, "restarted.out", false);
        // The writer holds after step 200 until told to go on: however slowly the monitors start on a busy machine,
        // the kill and the restart both fall mid-session.
        writer.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
        writer.getOutputStream().flush();

        assertThat(writerOut.readLine()).isEqualTo("done");
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(restarted.waitFor(60, TimeUnit.SECONDS)).as("the restarted monitor ends with the session").isTrue();
        assertThat(watcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Process afterwards = monitor(logs, "afterwards.out", true);
        assertThat(afterwards.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String watched = Files.readString(dir.resolve("watched.out"));
        long parts = SessionLines.parts(session);
        System.out.println("MonitorRestartIT: " + parts + " rotated parts, " + SessionLines.messages(session).size() + " entries, "
                + lines(dir.resolve("killed.out")) + " lines shown before the kill");
        assertThat(List.of(watcher.exitValue(), restarted.exitValue(), afterwards.exitValue())).containsOnly(0);
        assertThat(watched).contains("Final Token Usage:", "Pipeline completed").contains("step 399 done");
        assertThat(Files.readString(dir.resolve("restarted.out"))).isEqualTo(watched);
        assertThat(Files.readString(dir.resolve("afterwards.out"))).isEqualTo(watched);
        assertThat(watched).startsWith(Files.readString(dir.resolve("killed.out")));
        assertThat(parts).isGreaterThan(2);
        assertThat(watched).contains("  Total:     " + String.format("%,d", totalTokens(session)) + " / ");
    }

    private Process monitor(Path logs, String out, boolean noFollow) throws IOException {
        List<String> cmd = JavaChild.sigil("64m", "monitor", "--session", "drill", "--log-path", logs.toString(), "--mode", "stream");
        if (noFollow) {
            cmd.add("--no-follow");
        } else {
            cmd.add("--wait"); // the watcher starts before the writer has made the session's directory
        }
        return new ProcessBuilder(cmd).redirectOutput(dir.resolve(out).toFile()).redirectError(dir.resolve(out + ".err").toFile()).start();
    }

    /** The tokens of every step_complete in every part: the total the summary must show. */
    private static long totalTokens(Path session) throws IOException {
        long total = 0;
        for (String m : SessionLines.messages(session)) {
            if (m.matches("step \\d+ done.*")) {
                int i = Integer.parseInt(m.split(" ")[1]);
                total += 40 + (i * 37L) % 400;
            }
        }
        return total;
    }

    private static long lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
