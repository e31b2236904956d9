package dev.sigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.alerts.RuleSet;
import dev.sigil.alerts.RulesFile;
import dev.sigil.alerts.RulesFileException;
import dev.sigil.layout.SigilHome;
import dev.sigil.report.LogSource;
import dev.sigil.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sigil alerts}: rules over the logs (docs/alerts.md); the work is in its subcommands. */
@Command(name = "alerts",
        description = {
            "Alert rules over the logs: replay, follow, or list them.",
            "test replays logs through the rules, watch follows logs and delivers what",
            "fires, list shows the rules and when each last fired.",
            "",
            "Rules are read from --rules FILE, else ~/.sigil/alerts.yaml (YAML, checked",
            "against contract/alert-rules.schema.json). docs/alerts.md explains them."
        },
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {AlertsTestCommand.class, AlertsListCommand.class, AlertsWatchCommand.class})
final class AlertsCommand implements Runnable {

    @ParentCommand
    SigilCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What {@code test} and {@code watch} read: the rules, the logs (PATHs, --session or --all) and the prices. */
    static final class Inputs {

        @Mixin
        RulesOption rules;

        @Mixin
        SessionOptions logs;

        @Mixin
        PriceOptions prices;

        @Mixin
        FormatOptions formats;

        @Parameters(paramLabel = "PATH", arity = "0..*", description = "Logs to read: files, or session directories.")
        List<Path> paths = new ArrayList<>();

        @Option(names = "--all", description = "Every session under the log directory (watch: the new ones too).")
        boolean all;

        /** The files to read, in order. */
        List<LogSource> sources(Environment env) throws IOException {
            return LogSelection.sources(env, paths, logs, all);
        }

        /** The formats to read them in. */
        dev.sigil.contract.format.FormatSet formats(Environment env) {
            return formats.formats(env, logs.logs(env).loaded().config().formats());
        }
    }

    /** {@code --rules FILE}, for the subcommands that read rules. */
    static final class RulesOption {

        @Option(names = "--rules", paramLabel = "FILE", description = "The rules file (default ~/.sigil/alerts.yaml).")
        Path rules;

        /** The rules, or every problem of the file on stderr and exit 2. */
        RuleSet load(Environment env, CommandSpec spec) {
            Path file = rules != null ? rules : SigilHome.of(env.variables()).alertsFile();
            try {
                return RulesFile.load(file);
            } catch (RulesFileException e) {
                PrintWriter err = spec.commandLine().getErr();
                e.problems().forEach(p -> err.println(TerminalText.visible(spec.qualifiedName() + ": error: " + p)));
                err.flush();
                throw UserError.usage(e.problems().size() == 1 ? "invalid rules file" : "invalid rules file (" + e.problems().size() + " problems above)");
            }
        }
    }
}
