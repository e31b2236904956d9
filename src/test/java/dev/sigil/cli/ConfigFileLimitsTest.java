package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config file that is not a regular file, or is larger than 1 MiB, is refused at once (issue 11): exit code 2 and
 * one error naming the file, whichever command reads the configuration and however the file was named. Without the
 * checks {@code /dev/zero} is read until the heap runs out and a FIFO waits for a writer forever.
 */
class ConfigFileLimitsTest {

    private static final Duration AT_ONCE = Duration.ofSeconds(20);

    @TempDir
    Path home;

    private CliRun run(Map<String, String> env, String... args) {
        return assertTimeoutPreemptively(AT_ONCE, () -> CliRun.run(env, args));
    }

    private void refused(CliRun r, String file, String why) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("error: --config " + file + ": " + why).contains("invalid configuration (1 error above)")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void aDeviceIsRefused() {
        refused(run(Map.of("HOME", home.toString()), "config", "--config", "/dev/zero"), "/dev/zero", "is not a regular file");
    }

    @Test
    void aFifoIsRefusedWithoutWaitingForAWriter() throws IOException, InterruptedException {
        Path fifo = home.resolve("config.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();
        refused(run(Map.of("HOME", home.toString()), "tail", "--config", fifo.toString(), "--session", "s"), fifo.toString(), "is not a regular file");
    }

    @Test
    void aFileOverOneMebibyteIsRefusedAndOneAtTheLimitIsRead() throws IOException {
        Path big = home.resolve("big.yaml");
        byte[] comment = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(comment, (byte) ' ');
        comment[0] = '#';
        Files.write(big, comment);
        refused(run(Map.of("HOME", home.toString()), "monitor", "--config", big.toString(), "--no-follow", "x.jsonl"),
                big.toString(), "is larger than 1 MiB (1048576 bytes)");
        Files.write(big, java.util.Arrays.copyOf(comment, 1 << 20));
        CliRun read = run(Map.of("HOME", home.toString()), "config", "--config", big.toString());
        assertThat(read.exitCode()).as(read.err()).isZero();
    }

    @Test
    void theSameHoldsForTheFileNamedBySigilConfig() {
        CliRun r = run(Map.of("HOME", home.toString(), "SIGIL_CONFIG", "/dev/zero"), "logs", "rotate", "--dry-run");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("error: SIGIL_CONFIG=/dev/zero: is not a regular file");
    }

    @Test
    void valuesFromTheFileAndTheEnvironmentAreShownNeverSentToTheTerminal() throws IOException {
        Path file = Files.writeString(Files.createDirectories(home.resolve(".sigil")).resolve("config.yaml"),
                "logging:\n  level: \"\\e[2Jloud\"\n  \"\\e]0;title\\a\": 1\n");
        CliRun r = run(Map.of("HOME", home.toString(), "SIGIL_TOKEN_BUDGET", "\u001b[31m12"), "validate", "--session", "s");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).doesNotContain("\u001b", "\u0007").contains("^[[2Jloud", "^[]0;title^G", "^[[31m12", file.toString());
    }
}
