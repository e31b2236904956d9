package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

/** The packaged launcher as a user runs it: scripts/sigil with the built jar (SIGIL_NO_BUILD=1), real processes. */
class SigilLauncherIT {

    private static final Path HOME = Path.of(System.getProperty("sigil.home", "")).toAbsolutePath();
    private static final String SIGIL = HOME.resolve("scripts/sigil").toString();

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run bash(String script) throws IOException, InterruptedException, TimeoutException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProcessResult r = new ProcessExecutor().command("bash", "-c", script).directory(HOME.toFile())
                .environment("SIGIL_NO_BUILD", "1").environment("SIGIL", SIGIL)
                .readOutput(true).redirectErrorStream(false).redirectError(err).exitValueAny().timeout(120, TimeUnit.SECONDS).execute();
        return new Run(r.getExitValue(), r.outputUTF8(), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void validatesTheExamples() throws Exception {
        Run valid = bash("\"$SIGIL\" validate contract/examples/valid/*.jsonl");
        assertThat(valid.exit()).as(valid.err()).isEqualTo(ExitCode.OK);
        long files;
        try (java.util.stream.Stream<Path> list = Files.list(HOME.resolve("contract/examples/valid"))) {
            files = list.filter(p -> p.toString().endsWith(".jsonl")).count();
        }
        assertThat(valid.err()).contains(files + " files").contains(" 0 invalid");
        Run invalid = bash("\"$SIGIL\" validate contract/examples/invalid/not-json.jsonl");
        assertThat(invalid.exit()).isEqualTo(ExitCode.FINDINGS);
        assertThat(invalid.out().lines()).hasSize(6).allMatch(l -> l.matches("contract/examples/invalid/not-json\\.jsonl:\\d+:\\d+: .+"));
    }

    @Test
    void formatsAFile() throws Exception {
        Path log = Files.writeString(dir.resolve("log.jsonl"), "{ \"a\" : 1.50, \"b\": \"\u00e9\" }\n");
        Run r = bash("\"$SIGIL\" fmt '" + log + "'");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).isEqualTo("{\"a\":1.5,\"b\":\"\\u00e9\"}\n");
    }

    @Test
    void aMissingFileIsOneLineAndExitTwo() throws Exception {
        Run r = bash("\"$SIGIL\" validate '" + dir.resolve("missing.jsonl") + "'");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("missing.jsonl: no such file").doesNotContain("Exception", "\tat ");
    }

    @Test
    void helpDescribesTheCommands() throws Exception {
        Run r = bash("\"$SIGIL\" --help");
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("validate", "fmt", "Usage: sigil");
        Run validateHelp = bash("\"$SIGIL\" validate --help");
        assertThat(validateHelp.out()).contains("--max-errors", "--schema", "--format", "Exit codes:");
    }

    @Test
    void aReaderThatStopsEarlyGetsNoInternalError() throws Exception {
        Path big = dir.resolve("big.jsonl");
        Files.write(big, java.util.Collections.nCopies(200_000, "{\"k\": [1, 2, 3], \"m\": \"" + "x".repeat(40) + "\"}"));
        Run r = bash("set -o pipefail; \"$SIGIL\" fmt '" + big + "' | head -1; echo \"status=${PIPESTATUS[0]}\"");
        assertThat(r.out()).startsWith("{\"k\":[1,2,3],").contains("status=" + ExitCode.OK);
        assertThat(r.err()).isEmpty();
    }
}
