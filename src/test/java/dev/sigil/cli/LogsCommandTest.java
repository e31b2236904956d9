package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sigil logs}, run in-process as a user would, with its output and exit code. */
class LogsCommandTest {

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(Map.of("HOME", tmp.resolve("home").toString()), new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), false, false);
        int exit = SigilCommand.commandLine(env, new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path oldSession(Path logs, String id) throws IOException {
        Path dir = Files.createDirectories(logs.resolve("sessions").resolve(id));
        Files.writeString(dir.resolve("execution.jsonl"), "{}\n");
        FileTime old = FileTime.from(Instant.now().minus(9, ChronoUnit.DAYS));
        Files.setLastModifiedTime(dir.resolve("execution.jsonl"), old);
        return dir;
    }

    @Test
    void directoryNamesAreShownNeverSentToTheTerminal() throws IOException {
        Path logs = tmp.resolve("logs");
        Files.createDirectories(logs.resolve("sessions").resolve("evil\u001b]0;PWNED\u0007\u001b[2J"));
        Run r = run("logs", "rotate", "--log-path", logs.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("skipped sessions/evil^[]0;PWNED^G^[[2J: not a valid session id").doesNotContain("\u001b", "\u0007");
    }

    @Test
    void maintenanceArchivesOldSessionsAndSaysWhatItDid() throws IOException {
        Path logs = tmp.resolve("logs");
        oldSession(logs, "s1");
        Run dry = run("logs", "maintenance", "--log-path", logs.toString(), "--dry-run");
        String today = LocalDate.now().toString();
        assertThat(dry.exit()).isZero();
        assertThat(dry.out()).isEqualTo("would archive sessions/s1 -> archive/" + today + "/s1.tar.gz\n"
                + "would rotate 0 logs, archive 1 session, remove 0 archives; skipped 0, failed 0 (dry run: nothing was changed)\n");
        assertThat(logs.resolve("sessions/s1")).isDirectory();

        Run real = run("logs", "maintenance", "--log-path", logs.toString());
        assertThat(real.exit()).isZero();
        assertThat(real.out()).startsWith("archived sessions/s1 -> archive/" + today + "/s1.tar.gz\n");
        assertThat(logs.resolve("archive/" + today + "/s1.tar.gz")).isRegularFile();
    }

    @Test
    void theDefaultLogPathIsUnderHomeAndAMissingDirectoryIsNothingToDo() {
        Run r = run("logs", "clean");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("nothing to do: no log directory at " + tmp.resolve("home/.sigil/logs") + "\n");
    }

    @Test
    void badValuesAreUsageErrorsInOneLine() {
        Run r = run("logs", "archive", "--retention-days", "0", "--log-path", tmp.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("sigil logs archive: --retention-days must be at least 1, not 0\n");
    }

    @Test
    void helpListsTheFourCommands() {
        Run r = run("logs", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("rotate", "archive", "clean", "maintenance", "Exit codes:");
        Run sub = run("logs", "rotate", "--help");
        assertThat(sub.out()).contains("--log-path=DIR", "--dry-run", "--max-file-size=BYTES");
    }
}
