package dev.sigil.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs sigil in-process with a given environment and standard input, capturing what it prints. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Map<String, String> env, byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment environment = new Environment(env, new ByteArrayInputStream(stdin), new ByteArrayOutputStream(), false, false);
        int code = SigilCommand.commandLine(environment, new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun run(Map<String, String> env, String... args) {
        return run(env, new byte[0], args);
    }
}
