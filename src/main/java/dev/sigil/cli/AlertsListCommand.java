package dev.sigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.sigil.alerts.RuleListing;
import dev.sigil.alerts.RuleSet;
import dev.sigil.alerts.WatchState;
import dev.sigil.layout.LogLayout;
import dev.sigil.report.LogSource;
import dev.sigil.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sigil alerts list}: the rules of the rules file, checked. */
@Command(name = "list",
        description = {"Show the rules of the rules file (checked first): condition, scope,", "severity, cooldown, actions, and when each last fired (by the state",
            "sigil alerts watch keeps beside the logs: of the PATHs, of --session, or", "of every session)."},
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

    @Mixin
    SessionOptions logs;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Logs whose watch state says when each rule last fired (default: every session).")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Environment env = alerts.root.environment();
        if (!format.equals("table") && !format.equals("json")) {
            throw UserError.usage("--format must be table or json; not '" + format + "'");
        }
        RuleSet set = rules.load(env, spec);
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> fired = lastFired(env);
        List<String> lines = format.equals("json") ? List.of(RuleListing.json(set, fired)) : RuleListing.table(set, fired);
        boolean terminal = env.stdoutTerminal();
        lines.forEach(l -> out.println(terminal ? TerminalText.visible(l) : l));
        out.flush();
        return ExitCode.OK;
    }

    /** When each rule last fired, by the watch states beside the logs (the newest firing over all of them). */
    private Map<String, String> lastFired(Environment env) throws IOException {
        boolean all = paths.isEmpty() && logs.session == null;
        Map<String, String> fired = new HashMap<>();
        for (LogSource s : LogSelection.sources(env, paths, logs, all)) {
            if (!LogLayout.ROTATED.matcher(s.file().getFileName().toString()).matches()) {
                WatchState.read(LogLayout.alertsStateOf(s.file())).fired().forEach((rule, ts) -> fired.merge(rule, ts, WatchState::later));
            }
        }
        return fired;
    }
}
