package dev.sigil.cli;

/**
 * A problem the user can fix (a missing file, a bad value), reported as one line with an exit code; never a stack
 * trace. Thrown by commands, caught by {@link ErrorPolicy}.
 */
public final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public static UserError usage(String message) {
        return new UserError(ExitCode.USAGE, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
