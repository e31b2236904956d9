package dev.sigil.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * What a command may know about the process it runs in: environment variables, standard input, raw standard output
 * (for byte-exact output), and whether stdout and stderr are terminals. Passed down from {@link Main}; tests build
 * their own, so no command reads global state.
 *
 * @param variables environment variables
 * @param stdin standard input
 * @param stdout standard output as bytes (the text writer of picocli wraps the same stream)
 * @param stdoutTerminal whether stdout is a terminal (the launcher exports SIGIL_STDOUT_TTY=1 when it is)
 * @param stderrTerminal whether stderr is a terminal (SIGIL_STDERR_TTY=1)
 */
public record Environment(Map<String, String> variables, InputStream stdin, OutputStream stdout,
                          boolean stdoutTerminal, boolean stderrTerminal) {

    /** The real process environment. */
    public static Environment system() {
        Map<String, String> env = System.getenv();
        return new Environment(env, new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out),
                "1".equals(env.get("SIGIL_STDOUT_TTY")), "1".equals(env.get("SIGIL_STDERR_TTY")));
    }

    public String get(String name) {
        return variables.get(name);
    }

    /** {@code SIGIL_DEBUG} set to anything but empty or 0: stack traces for internal errors. */
    public boolean debug() {
        String v = variables.get("SIGIL_DEBUG");
        return v != null && !v.isEmpty() && !"0".equals(v);
    }

    /** Colour is off when {@code NO_COLOR} is set to anything non-empty (no-color.org). */
    public boolean noColor() {
        String v = variables.get("NO_COLOR");
        return v != null && !v.isEmpty();
    }
}
