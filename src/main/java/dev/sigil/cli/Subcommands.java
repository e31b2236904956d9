package dev.sigil.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The subcommands of {@code sigil}, in the order the help lists them, and the two ways of adding them to the root
 * (ADR 0160). picocli builds the whole model of every subcommand it is given before it parses anything (their
 * options, mixins, converters: most of a short run's time), so the root gets the full model of the one command the
 * first argument names and, when it names none (the root's help, a mistyped command), a listing of each: its name,
 * aliases and summary (from the generated model, ADR 0195), nothing else of it loaded.
 */
final class Subcommands {

    /**
     * Every subcommand's name, in the help's order: alphabetical (ADR 0195), where a name is found without knowing
     * which group its author had in mind; it was the order the commands were written in.
     */
    static final List<String> NAMES = List.of("alerts", "config", "export", "fmt", "formats", "generate-completion", "logs",
            "monitor", "orchestrate", "prices", "query", "report", "serve", "tail", "tokens", "validate");

    private static final String COMPLETION = "generate-completion";

    private Subcommands() {
    }

    /**
     * The class of the subcommand {@code name}, or null. A switch, not a map of constants, so that naming one
     * command loads no other's class.
     */
    static Class<?> type(String name) {
        return switch (name) {
            case "validate" -> ValidateCommand.class;
            case "fmt" -> FmtCommand.class;
            case "tokens" -> TokensCommand.class;
            case "config" -> ConfigCommand.class;
            case "tail" -> TailCommand.class;
            case "monitor" -> MonitorCommand.class;
            case "logs" -> LogsCommand.class;
            case "orchestrate" -> OrchestrateCommand.class;
            case "prices" -> PricesCommand.class;
            case "report" -> ReportCommand.class;
            case "formats" -> FormatsCommand.class;
            case COMPLETION -> AutoComplete.GenerateCompletion.class;
            case "export" -> ExportCommand.class;
            case "serve" -> ServeCommand.class;
            case "alerts" -> AlertsCommand.class;
            case "query" -> QueryCommand.class;
            default -> null;
        };
    }

    /**
     * Adds what running {@code first} (the first argument, or null) needs to {@code cmd}, the command line of
     * {@code root}: the full model of that subcommand alone when it names one; every subcommand in full for
     * {@code generate-completion} (the script it writes covers them all) or when {@code full}; a listing of every
     * subcommand otherwise. Each from {@code models} (ADR 0195), then the standard help options on every command.
     */
    static void addTo(CommandLine cmd, SigilCommand root, CommandModels models, String first, boolean full) {
        if (full || COMPLETION.equals(first)) {
            for (String name : NAMES) {
                add(cmd, root, models, name);
            }
        } else if (first != null && type(first) != null) {
            add(cmd, root, models, first);
        } else {
            for (String name : NAMES) {
                cmd.addSubcommand(name, new CommandLine(models.listing(name)));
            }
        }
        addStandardHelpOptions(cmd, models);
        CommandLine completion = cmd.getSubcommands().get(COMPLETION);
        if (completion != null) {
            completion.getCommandSpec().usageMessage().hidden(false);
        }
    }

    private static void add(CommandLine cmd, SigilCommand root, CommandModels models, String name) {
        CommandSpec spec = models.subcommand(name, root);
        cmd.addSubcommand(name, spec != null ? spec : type(name));
        if (spec == null && !(models instanceof AnnotatedCommands)) {
            // Read from its annotations: picocli adds its help options as it does under a root that has them (a
            // method subcommand counts its parameters after them when they are inherited).
            cmd.getSubcommands().get(name).getCommandSpec().mixinStandardHelpOptions(true);
        }
    }

    /** {@code -h} and {@code -V} last on every command that has none of them, as picocli adds them (ADR 0195). */
    private static void addStandardHelpOptions(CommandLine cmd, CommandModels models) {
        CommandSpec spec = cmd.getCommandSpec();
        Map<String, ?> options = spec.optionsMap();
        boolean has = options.containsKey("-h") || options.containsKey("--help") || options.containsKey("-V") || options.containsKey("--version");
        if (!has && !models.addStandardHelpOptions(spec)) {
            return;
        }
        for (CommandLine sub : new LinkedHashSet<>(cmd.getSubcommands().values())) {
            addStandardHelpOptions(sub, models);
        }
    }
}
