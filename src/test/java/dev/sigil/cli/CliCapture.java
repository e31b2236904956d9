package dev.sigil.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs sigil in-process as a user would from a shell, with standard input given and standard output and error
 * captured: {@code CliCapture.with("stdin text").run("validate", "-")}.
 */
record CliCapture(int exitCode, byte[] stdoutBytes, String stderr) {

    String stdout() {
        return new String(stdoutBytes, StandardCharsets.UTF_8);
    }

    static CliCapture run(String... args) {
        return with(new byte[0]).run(args);
    }

    static Input with(String stdin) {
        return with(stdin.getBytes(StandardCharsets.UTF_8));
    }

    static Input with(byte[] stdin) {
        return new Input(stdin, null);
    }

    /** What the command reads, and optionally the stream standing for the process's stdout. */
    record Input(byte[] stdin, OutputStream stdout) {

        Input writingTo(OutputStream stdout) {
            return new Input(stdin, stdout);
        }

        CliCapture run(String... args) {
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            OutputStream out = stdout == null ? captured : stdout;
            StringWriter err = new StringWriter();
            Environment env = new Environment(Map.of(), new ByteArrayInputStream(stdin), out, false, false);
            // picocli's text writer goes through the same guarded stream the real command line uses.
            PrintWriter textOut = new PrintWriter(new OutputStreamWriter(new StandardOutput(out), StandardCharsets.UTF_8), true);
            int code = SigilCommand.commandLine(env, textOut, new PrintWriter(err, true)).execute(args);
            try {
                textOut.flush();
            } catch (OutputClosedException e) {
                // the test's stdout was made to fail on purpose
            }
            return new CliCapture(code, captured.toByteArray(), err.toString());
        }
    }
}
