package dev.sigil.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.AutoComplete;
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
        subcommands = {
            ValidateCommand.class,
            FmtCommand.class,
            TokensCommand.class,
            ConfigCommand.class,
            TailCommand.class,
            MonitorCommand.class,
            LogsCommand.class,
            OrchestrateCommand.class,
            PricesCommand.class,
            ReportCommand.class,
            FormatsCommand.class,
            AutoComplete.GenerateCompletion.class
        },
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

    /** A fully configured command line for {@code environment}, printing UTF-8 to the process's stdout and stderr. */
    public static CommandLine commandLine(Environment environment) {
        return commandLine(environment, (String) null);
    }

    /**
     * The command line to run {@code first} (the first argument, or null). {@code export}, {@code serve} (ADR 0130),
     * {@code alerts} (ADR 0150) and {@code query} (ADR 0155) are added only when {@code first} names none of the other subcommands: picocli
     * builds the model of every subcommand it knows before parsing, and their classes (not even their names in a
     * constant) are then not loaded.
     */
    public static CommandLine commandLine(Environment environment, String first) {
        CommandLine cmd = new CommandLine(new SigilCommand(environment));
        if (first == null || !cmd.getSubcommands().containsKey(first) || first.equals("generate-completion")) {
            cmd.addSubcommand(new ExportCommand());
            cmd.addSubcommand(new ServeCommand());
            cmd.addSubcommand(new AlertsCommand());
            cmd.addSubcommand(new QueryCommand());
        }
        cmd.setExecutionExceptionHandler(new ErrorPolicy(environment.debug()));
        cmd.setParameterExceptionHandler(new UsageErrors());
        NumberValues.register(cmd);
        cmd.setOut(new PrintWriter(new OutputStreamWriter(new StandardOutput(environment.stdout()), StandardCharsets.UTF_8), false));
        cmd.setErr(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true));
        cmd.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
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
