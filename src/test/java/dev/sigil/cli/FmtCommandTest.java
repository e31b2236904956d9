package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sigil fmt} in-process: canonical bytes out, bad lines reported and left out, quiet on a closed pipe. */
class FmtCommandTest {

    @TempDir
    Path dir;

    @Test
    void rewritesEachLineIntoTheCanonicalForm() {
        String in = "{ \"b\" : 1.0, \"a\" : [1e2, -0, -0.0, 1E400, NaN], \"s\": \"caf\u00e9 \\u00E9 \ud83d\ude00\" }\r\n"
                + "{\"k\":1,\"k\":2,\"j\":3}\n  \"top\"  \n";
        CliCapture r = CliCapture.with(in).run("fmt");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.stdout()).isEqualTo("{\"b\":1.0,\"a\":[100.0,0,-0.0,Infinity,NaN],\"s\":\"caf\\u00e9 \\u00e9 \\ud83d\\ude00\"}\n"
                + "{\"k\":2,\"j\":3}\n\"top\"\n");
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void badLinesAreReportedAndLeftOutBlankLinesDropped() throws IOException {
        Path log = Files.write(dir.resolve("log.jsonl"), "{\"a\":1}\n\n{'a':1}\n[1,]\n\"\\ud800\"\n\u00ff\n".getBytes(StandardCharsets.ISO_8859_1));
        CliCapture r = CliCapture.run("fmt", log.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.stdout()).isEqualTo("{\"a\":1}\n\"\\ud800\"\n");
        assertThat(r.stderr().lines()).containsExactly(
                log + ":3: expecting a property name in double quotes (found ''') (column 2)",
                log + ":4: expecting a value (found ']') (column 4)",
                log + ":6: invalid UTF-8 (byte 0xff) (column 1)");
    }

    @Test
    void readsSeveralFilesAndStandardInput() throws IOException {
        Path a = Files.writeString(dir.resolve("a.jsonl"), "[1, 2]\n");
        CliCapture r = CliCapture.with("{\"x\": null}").run("fmt", a.toString(), "-", dir.resolve("missing.jsonl").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.stdout()).isEqualTo("[1,2]\n{\"x\":null}\n");
        assertThat(r.stderr()).isEqualTo("sigil fmt: " + dir.resolve("missing.jsonl") + ": no such file" + System.lineSeparator());
    }

    @Test
    void aClosedPipeEndsQuietly() {
        CliCapture r = CliCapture.with("{\"a\": 1}\n".repeat(100_000)).writingTo(FailingOutput.brokenPipe(4096)).run("fmt");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void aFullDiskIsReportedInOneLine() {
        CliCapture r = CliCapture.with("{\"a\": 1}\n".repeat(100_000)).writingTo(FailingOutput.diskFull(4096)).run("fmt");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.stderr()).isEqualTo("sigil fmt: cannot write to standard output: No space left on device" + System.lineSeparator());
    }
}
