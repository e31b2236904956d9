package dev.sigil.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code sigil} launcher. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Environment env = Environment.system();
        if (isVersionOnly(args)) {
            // Building the whole command tree costs more than the JVM's own start (ADR 0044): answer at once, with
            // the same bytes picocli prints for the root's --version.
            System.exit(printVersion(env));
        }
        int code;
        try {
            code = SigilCommand.commandLine(env).execute(args);
        } catch (OutOfMemoryError e) {
            // Never a stack trace: the commands bound what they hold, so this is a heap too small for the input.
            System.err.println("sigil: out of memory (the JVM's heap is " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB); give Java more memory, e.g. SIGIL_JAVA_OPTS=-Xmx1g");
            code = ExitCode.USAGE;
        }
        System.exit(code);
    }

    static boolean isVersionOnly(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    static int printVersion(Environment env) {
        StringBuilder text = new StringBuilder();
        for (String line : new VersionProvider().getVersion()) {
            text.append(line).append(System.lineSeparator());
        }
        try {
            env.stdout().write(text.toString().getBytes(StandardCharsets.UTF_8));
            env.stdout().flush();
            return ExitCode.OK;
        } catch (IOException e) {
            return ExitCode.OK; // a closed stdout ends quietly, as for every command
        }
    }
}
