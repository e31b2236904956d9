package dev.sigil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.sigil.alerts.RuleListing;
import dev.sigil.alerts.RuleSet;
import dev.sigil.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sigil alerts list}: the rules of the rules file, checked. */
@Command(name = "list",
        description = {"Show the rules of the rules file (checked first): condition, scope,", "severity, cooldown and actions of each."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "2:bad arguments, or an invalid rules file (every problem on stderr)"})
final class AlertsListCommand implements Callable<Integer> {

    @ParentCommand
    AlertsCommand alerts;

    @Spec
    CommandSpec spec;

    @Mixin
    AlertsCommand.RulesOption rules;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json.")
    String format = "table";

    @Override
    public Integer call() {
        Environment env = alerts.root.environment();
        if (!format.equals("table") && !format.equals("json")) {
            throw UserError.usage("--format must be table or json; not '" + format + "'");
        }
        RuleSet set = rules.load(env, spec);
        PrintWriter out = spec.commandLine().getOut();
        List<String> lines = format.equals("json") ? List.of(RuleListing.json(set)) : RuleListing.table(set);
        boolean terminal = env.stdoutTerminal();
        lines.forEach(l -> out.println(terminal ? TerminalText.visible(l) : l));
        out.flush();
        return ExitCode.OK;
    }
}
