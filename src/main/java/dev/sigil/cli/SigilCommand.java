package dev.sigil.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: {@code sigil <subcommand>}. */
@Command(name = "sigil",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description = {
            "See where the tokens and time of an LLM agent pipeline go.",
            "",
            "sigil writes, checks and follows execution logs: one JSON object per line in",
            "~/.sigil/logs/sessions/<id>/execution.jsonl, byte-compatible with the Python Sigil v2 logger."
        },
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "Run 'sigil COMMAND --help' for a command's options. Exit codes: docs/cli.md."})
public final class SigilCommand implements Runnable {

    private final Environment environment;

    @Spec
    CommandSpec spec;

    SigilCommand(Environment environment) {
        this.environment = environment;
    }

    /** The environment the commands run in. */
    Environment environment() {
        return environment;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A fully configured command line for {@code environment} with every subcommand in full (tests, embedding). */
    public static CommandLine commandLine(Environment environment) {
        return configured(environment, null, true);
    }

    /**
     * The command line to run {@code first} (the first argument, or null), printing UTF-8 to the process's stdout
     * and stderr: only the subcommand {@code first} names is built in full ({@link Subcommands}, ADR 0160).
     */
    public static CommandLine commandLine(Environment environment, String first) {
        return configured(environment, first, false);
    }

    private static CommandLine configured(Environment environment, String first, boolean full) {
        return configured(environment, first, full, CommandModels.get());
    }

    /** The command line of {@link #commandLine(Environment, String)}, its model from {@code models} (ADR 0195). */
    static CommandLine configured(Environment environment, String first, boolean full, CommandModels models) {
        SigilCommand root = new SigilCommand(environment);
        CommandLine cmd = new CommandLine(models.root(root));
        Subcommands.addTo(cmd, root, models, first, full);
        cmd.setExecutionExceptionHandler(new ErrorPolicy(environment.debug()));
        cmd.setParameterExceptionHandler(new UsageErrors());
        NumberValues.register(cmd);
        cmd.setOut(new PrintWriter(new OutputStreamWriter(new StandardOutput(environment.stdout()), StandardCharsets.UTF_8), false));
        cmd.setErr(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true));
        return cmd;
    }

    /** The same command line writing to the given writers (for tests and embedding). */
    public static CommandLine commandLine(Environment environment, PrintWriter out, PrintWriter err) {
        CommandLine cmd = commandLine(environment);
        cmd.setOut(out);
        cmd.setErr(err);
        return cmd;
    }
}
