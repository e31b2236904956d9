package dev.sigil.cli;

import java.io.PrintWriter;

import dev.sigil.tail.OutOfMemoryWhileReading;
import dev.sigil.text.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where an exception becomes what the user sees: one line on stderr and an exit code from
 * {@link ExitCode}. A stack trace only when {@code SIGIL_DEBUG} is set.
 */
final class ErrorPolicy implements IExecutionExceptionHandler {

    private final boolean debug;

    ErrorPolicy(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        if (ex instanceof UserError user) {
            // Messages name files and sessions the user gave, and those names can hold escape sequences.
            err.println(TerminalText.visible(name + ": " + user.getMessage()));
            err.flush();
            return user.exitCode();
        }
        if (ex instanceof OutputClosedException closed) {
            // A reader that stops reading (head, less quitting) is normal use: no message, like other Unix tools,
            // and success, as sigil tail decided first (docs/cli.md).
            if (closed.brokenPipe()) {
                return ExitCode.OK;
            }
            err.println(TerminalText.visible(name + ": cannot write to standard output: " + closed.getMessage()));
            err.flush();
            return ExitCode.USAGE;
        }
        if (ex instanceof OutOfMemoryWhileReading memory) {
            // A heap too small for the log: where it happened and what to ask for, as for an input problem.
            err.println(TerminalText.visible(name + ": " + memory.getMessage()));
            err.flush();
            return ExitCode.USAGE;
        }
        err.println(TerminalText.visible(name + ": internal error: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage())));
        if (debug) {
            ex.printStackTrace(err);
        } else {
            err.println("(this is a bug in sigil; run again with SIGIL_DEBUG=1 to see where it happened, and report it)");
        }
        err.flush();
        return ExitCode.INTERNAL;
    }
}
