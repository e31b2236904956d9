package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

/** {@code sigil tail} as a user runs it: the launcher, a real process, Ctrl-C to stop following. */
class TailIT {

    private static final Path HOME = Path.of(System.getProperty("sigil.home", "."));
    private static final String ENTRY = "{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"session_id\":\"t\",\"event_type\":\"session_start\","
            + "\"component\":\"orchestrator\",\"message\":\"Starting\",\"tokens\":0,\"metadata\":{}}\n";

    @TempDir
    Path dir;

    @Test
    void readsASessionToItsEnd() throws Exception {
        Path log = Files.createDirectories(dir.resolve(".sigil/logs/sessions/t")).resolve("execution.jsonl");
        Files.writeString(log, ENTRY);
        ProcessResult r = new ProcessExecutor().command(HOME.resolve("scripts/sigil").toString(), "tail", "--session", "t")
                .environment("SIGIL_NO_BUILD", "1").environment("HOME", dir.toString())
                .readOutput(true).timeout(1, TimeUnit.MINUTES).execute();
        assertThat(r.getExitValue()).as(r.outputUTF8()).isZero();
        assertThat(r.outputUTF8()).isEqualTo("10:15:32 [INFO] orchestrator/session_start: Starting\n");
    }

    @Test
    void followsUntilCtrlC() throws Exception {
        Path log = dir.resolve("execution.jsonl");
        ProcessBuilder builder = new ProcessBuilder(HOME.resolve("scripts/sigil").toString(), "tail", "--follow", log.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("SIGIL_NO_BUILD", "1");
        Process p = builder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(p.getInputStream(), out));
        reader.start();
        Files.writeString(log, ENTRY, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        for (int i = 0; i < 60_000 && out.size() == 0; i++) {
            Thread.sleep(1);
        }
        ProcessHandle java = p.descendants().reduce((a, b) -> b).orElse(p.toHandle());
        new ProcessExecutor().command("kill", "-INT", Long.toString(java.pid())).execute();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("10:15:32 [INFO] orchestrator/session_start: Starting\n");
        assertThat(p.exitValue()).isEqualTo(ExitCode.INTERRUPTED);
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (java.io.IOException e) {
            // the process ended
        }
    }
}
