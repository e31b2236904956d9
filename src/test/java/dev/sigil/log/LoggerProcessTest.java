package dev.sigil.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

/** Faults that need a real process: the file size limit of ulimit -f (EFBIG, a real kernel error) and SIGTERM. */
class LoggerProcessTest {

    @TempDir
    Path tmp;

    private static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                LoggerChild.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void aFileSizeLimitLosesOnlyTheEntriesItCountsAndTheFileHoldsWholeLines() throws Exception {
        int count = 3000;
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "ulimit -f 64 && exec \"$@\"", "child"));
        cmd.addAll(java("write", tmp.toString(), "limited", Integer.toString(count)));
        ProcessResult result = new ProcessExecutor(cmd).readOutput(true).redirectErrorStream(false).timeout(60, TimeUnit.SECONDS).execute();
        String out = result.outputUTF8();
        assertThat(result.getExitValue()).as(out).isZero();
        Matcher m = Pattern.compile("written=(\\d+) unwritten=(\\d+) dropped=(\\d+) rejected=(\\d+) unconfirmed=(\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        long written = Long.parseLong(m.group(1));
        long unwritten = Long.parseLong(m.group(2));
        List<String> lines = LogFiles.lines(tmp.resolve("sessions/limited/execution.jsonl"));
        assertThat(lines).hasSize((int) written);
        assertThat(written).isPositive().isLessThan(count);
        assertThat(written + unwritten).isEqualTo(count);
        assertThat(java.nio.file.Files.size(tmp.resolve("sessions/limited/execution.jsonl"))).isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void sigtermRunsTheShutdownHookWhichWritesEverythingQueued() throws Exception {
        int count = 500;
        Process child = new ProcessBuilder(java("hold", tmp.toString(), "term", Integer.toString(count)))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("ready");
            assertThat(LogFiles.lines(tmp.resolve("sessions/term/execution.jsonl"))).isEmpty();
            child.destroy();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).isEqualTo(143);
        assertThat(LogFiles.lines(tmp.resolve("sessions/term/execution.jsonl"))).hasSize(count);
        assertThat(ExecutionLoggerTest.metrics(tmp.resolve("sessions/term")).at("/logger/entries_written").longValue()).isEqualTo(count);
    }

    @Test
    void oneWriterPerSessionAcrossProcesses() throws Exception {
        Process holder = new ProcessBuilder(java("hold", tmp.toString(), "busy", "1")).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("ready");
            try {
                ExecutionLogger.builder(LoggerSettings.builder().logPath(tmp).build()).shutdownHook(false).open("busy").close();
                throw new AssertionError("a second writer was allowed");
            } catch (SessionLockedException e) {
                assertThat(e.getMessage()).contains("process " + holder.pid());
            }
        } finally {
            holder.destroy();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        try (ExecutionLogger after = ExecutionLogger.builder(LoggerSettings.builder().logPath(tmp).build()).shutdownHook(false).open("busy")) {
            assertThat(after.log(dev.sigil.contract.model.EventType.STEP_START, dev.sigil.contract.model.Component.ROUTING, "mine now")).isTrue();
        }
    }

}
