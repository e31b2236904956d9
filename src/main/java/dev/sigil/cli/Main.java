package dev.sigil.cli;

/** Entry point of the {@code sigil} launcher. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = SigilCommand.commandLine(Environment.system()).execute(args);
        System.exit(code);
    }
}
