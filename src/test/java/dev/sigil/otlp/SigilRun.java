package dev.sigil.otlp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import dev.sigil.cli.Environment;
import dev.sigil.cli.SigilCommand;

/** Runs sigil in-process with an environment, capturing what it prints: picocli's writers, and the raw standard output. */
record SigilRun(int exitCode, String out, String err, String stdout) {

    static SigilRun run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        Environment environment = new Environment(env, new ByteArrayInputStream(new byte[0]), raw, false, false);
        int code = SigilCommand.commandLine(environment, new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new SigilRun(code, out.toString(), err.toString(), raw.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
