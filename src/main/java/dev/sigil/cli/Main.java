package dev.sigil.cli;

/** Entry point of the {@code sigil} launcher. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = SigilCommand.commandLine(Environment.system()).execute(args);
        } catch (OutOfMemoryError e) {
            // Never a stack trace: the commands bound what they hold, so this is a heap too small for the input.
            System.err.println("sigil: out of memory (the JVM's heap is " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB); give Java more memory, e.g. SIGIL_JAVA_OPTS=-Xmx1g");
            code = ExitCode.USAGE;
        }
        System.exit(code);
    }
}
