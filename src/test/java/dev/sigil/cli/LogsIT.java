package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

/** {@code sigil logs} as cron would run it: the launcher, a real process, the default log path under $HOME. */
class LogsIT {

    private static final Path HOME = Path.of(System.getProperty("sigil.home", "."));

    @TempDir
    Path userHome;

    private ProcessResult sigil(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = HOME.resolve("scripts/sigil").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return new ProcessExecutor().command(command).environment("SIGIL_NO_BUILD", "1").environment("HOME", userHome.toString())
                .readOutput(true).timeout(1, TimeUnit.MINUTES).execute();
    }

    @Test
    void maintenanceArchivesAnOldSessionUnderTheDefaultLogPath() throws Exception {
        Path session = Files.createDirectories(userHome.resolve(".sigil/logs/sessions/s-old"));
        Files.writeString(session.resolve("execution.jsonl"), "{}\n");
        Files.setLastModifiedTime(session.resolve("execution.jsonl"), FileTime.from(Instant.now().minus(8, ChronoUnit.DAYS)));

        ProcessResult r = sigil("logs", "maintenance");

        // The date is the launched process's local day, which may differ from this JVM's (pinned to UTC).
        assertThat(r.getExitValue()).as(r.outputUTF8()).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("archived sessions/s-old -> (archive/[0-9]{4}-[0-9]{2}-[0-9]{2}/s-old\\.tar\\.gz)\n"
                + "rotated 0 logs, archived 1 session, removed 0 archives; skipped 0, failed 0\n").matcher(r.outputUTF8());
        assertThat(m.matches()).as(r.outputUTF8()).isTrue();
        assertThat(userHome.resolve(".sigil/logs").resolve(m.group(1))).isRegularFile();
        assertThat(session).doesNotExist();
    }
}
