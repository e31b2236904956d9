package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names the user passes on (a glob can bring in a hostile file name) reach stderr in messages; escape sequences in
 * them are shown, never sent, whichever command reports them.
 */
class TerminalSafetyTest {

    @Test
    void theStreamsReportsOfBadLinesShowTheFileNameNeverSendIt() throws IOException {
        Path evil = Files.writeString(dir.resolve("evil\u001b]0;PWNED\u0007.jsonl"), "not json\n{\"message\":\"m\"}\n");
        CliCapture r = CliCapture.run("monitor", "--no-follow", "--mode", "stream", evil.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.stderr()).contains("evil^[]0;PWNED^G.jsonl:1: skipped").doesNotContain("\u001b", "\u0007");
    }

    @TempDir
    Path dir;

    @Test
    void aMissingFileWhoseNameHoldsEscapesIsReportedVisibly() {
        String name = dir.resolve("missing\u001b]0;PWNED\u0007\u001b[2J.jsonl").toString();
        String[][] commands = {
            {"validate", name}, {"fmt", name}, {"tokens", "-f", name}, {"monitor", "--no-follow", name}, {"tail", name},
        };
        for (String[] args : commands) {
            CliCapture r = CliCapture.run(args);
            assertThat(r.exitCode()).as(args[0]).isEqualTo(ExitCode.USAGE);
            assertThat(r.stderr()).as(args[0]).contains("missing").doesNotContain("\u001b", "\u0007");
        }
    }
}
