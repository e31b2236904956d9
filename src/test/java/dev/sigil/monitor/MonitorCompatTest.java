package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import dev.sigil.cli.Environment;
import dev.sigil.cli.SigilCommand;

/**
 * {@code sigil monitor --mode stream|minimal --no-follow} against a Python implementation of the documented monitor
 * (compat-tests/python/monitor_reference.py, written from seed 001 §4.3): the same bytes on the same logs, final
 * summary included. Logs come from {@link CompatLogs}; the seed of each log is in its session id.
 */
@Tag("compat")
class MonitorCompatTest {

    private static final Path REFERENCE = Path.of("compat-tests/python/monitor_reference.py");
    private static final int LOGS = 24;

    @TempDir
    Path logs;

    @Test
    void streamAndMinimalGivePythonsBytes() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < LOGS; i++) {
            long seed = 7919L * i + 17;
            String id = "compat-" + seed;
            Path dir = Files.createDirectories(logs.resolve("sessions").resolve(id));
            Files.writeString(dir.resolve("execution.jsonl"), CompatLogs.session(id, seed), StandardCharsets.UTF_8);
            ids.add(id);
        }
        int summaries = 0;
        for (String id : ids) {
            for (String mode : List.of("stream", "minimal")) {
                byte[] python = python(id, mode);
                byte[] sigil = sigil(id, mode);
                if (!java.util.Arrays.equals(python, sigil)) {
                    fail("session " + id + ", --mode " + mode + " (log: " + logs.resolve("sessions/" + id) + "):\n"
                            + dev.sigil.testing.Snapshots.diffOf(new String(python, StandardCharsets.UTF_8),
                                    new String(sigil, StandardCharsets.UTF_8)));
                }
                summaries += new String(sigil, StandardCharsets.UTF_8).contains("EXECUTION COMPLETE") ? 1 : 0;
            }
        }
        assertThat(summaries).as("logs that end with a summary").isGreaterThan(LOGS / 3);
    }

    private byte[] python(String id, String mode) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PYTHONIOENCODING", "utf-8");
        ProcessResult result;
        try {
            result = new ProcessExecutor().command("python3", REFERENCE.toString(), "--session", id, "--log-path",
                    logs.toString(), "--mode", mode, "--no-follow").environment(env).readOutput(true)
                    .redirectError(new ByteArrayOutputStream()).timeout(60, TimeUnit.SECONDS).execute();
        } catch (IOException e) {
            throw new AssertionError("python3 is needed for this test (install CPython 3.11 or newer): " + e.getMessage(), e);
        }
        assertThat(result.getExitValue()).as("python exit code").isZero();
        return result.output();
    }

    private byte[] sigil(String id, String mode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Environment env = new Environment(Map.of("HOME", logs.toString()), new ByteArrayInputStream(new byte[0]), out, false, false);
        StringWriter err = new StringWriter();
        int code = SigilCommand.commandLine(env, new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("monitor", "--session", id, "--log-path", logs.toString(), "--mode", mode, "--no-follow");
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        return out.toByteArray();
    }
}
