package dev.sigil.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.text.Nearest;
import dev.sigil.text.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line that cannot be parsed (an unknown option or command, a value of the wrong kind, a missing
 * argument): one line naming the command and the problem, the names meant when a command or an option was mistyped
 * (by {@link Nearest}, as every "did you mean"), and where the help
 * is; exit code 2. Not the whole usage after the error, which would scroll the one line that matters away.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        String command = unknownCommand(e);
        if (command != null) {
            // picocli's own suggestions for commands are by similarity of letter pairs: 'valdate' got
            // 'generate-completion'; the one rule of every "did you mean" finds 'validate'
            err.println(TerminalText.visible(name + ": unknown command '" + command + "'"
                    + Nearest.didYouMean(command, cmd.getSubcommands().keySet())));
        } else if (unknownOption(e) != null) {
            String option = unknownOption(e);
            err.println(TerminalText.visible(name + ": unknown option '" + option + "'" + Nearest.didYouMean(option, optionNames(cmd))));
        } else {
            err.println(name + ": " + TerminalText.visible(problem(e)));
        }
        err.println("Run '" + name + " --help' for its usage.");
        err.flush();
        return ExitCode.USAGE;
    }

    /** The word typed where a command was expected, or null. */
    private static String unknownCommand(ParameterException e) {
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty() && !u.getCommandLine().getSubcommands().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            return u.getUnmatched().get(0);
        }
        return null;
    }

    /** The option typed that the command does not have (without its {@code =value}), or null. */
    private static String unknownOption(ParameterException e) {
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty() && u.getUnmatched().get(0).startsWith("-")
                && u.getUnmatched().get(0).length() > 1) {
            String typed = u.getUnmatched().get(0);
            int eq = typed.indexOf('=');
            return eq > 0 ? typed.substring(0, eq) : typed;
        }
        return null;
    }

    /** Every name of every option of {@code cmd}: picocli's own suggestions are replaced by the one rule of all. */
    private static List<String> optionNames(CommandLine cmd) {
        List<String> names = new ArrayList<>();
        for (CommandLine.Model.OptionSpec o : cmd.getCommandSpec().options()) {
            names.addAll(List.of(o.names()));
        }
        return names;
    }

    private static String problem(ParameterException e) {
        return lowerFirst(e.getMessage());
    }

    /** picocli's messages start with a capital; sigil's continue the {@code sigil COMMAND:} prefix. */
    private static String lowerFirst(String message) {
        if (message == null || message.isEmpty()) {
            return "invalid arguments";
        }
        boolean word = message.length() > 1 && Character.isUpperCase(message.charAt(0)) && Character.isLowerCase(message.charAt(1));
        return word ? Character.toLowerCase(message.charAt(0)) + message.substring(1) : message;
    }
}
