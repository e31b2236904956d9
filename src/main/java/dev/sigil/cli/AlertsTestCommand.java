package dev.sigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.sigil.alerts.AlertText;
import dev.sigil.alerts.Replay;
import dev.sigil.alerts.RuleSet;
import dev.sigil.contract.codec.PythonTimestamp;
import dev.sigil.contract.event.EventTime;
import dev.sigil.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sigil alerts test}: every alert the rules would have fired over some logs, with the line that fired it. */
@Command(name = "test",
        description = {
            "Replay logs through the rules and print every alert that would have fired,",
            "in the order of the lines, with the line that made it fire. Nothing is",
            "delivered: the rules' actions are not run. The same lines fire the same",
            "alerts as following them live would."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no rule fired", "1:some rule fired", "2:bad arguments, an unreadable log, or an invalid rules or price file"})
final class AlertsTestCommand implements Callable<Integer> {

    @ParentCommand
    AlertsCommand alerts;

    @Spec
    CommandSpec spec;

    @Mixin
    AlertsCommand.Inputs in;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), or json: one JSON object per line and alert.")
    String format = "text";

    @Override
    public Integer call() throws IOException {
        Environment env = alerts.root.environment();
        if (!format.equals("text") && !format.equals("json")) {
            throw UserError.usage("--format must be text or json; not '" + format + "'");
        }
        RuleSet set = in.rules.load(env, spec);
        var sources = in.sources(env);
        PrintWriter out = spec.commandLine().getOut();
        boolean terminal = env.stdoutTerminal();
        EventTime now = EventTime.parse(PythonTimestamp.now(Clock.system(ZoneId.systemDefault())));
        Replay.Counts counts;
        try {
            counts = Replay.run(set, sources, in.formats(env), in.prices.prices(env, spec), now, a -> {
                String line = format.equals("json") ? AlertText.json(a) : AlertText.text(a);
                out.println(terminal ? TerminalText.visible(line) : line);
            });
        } catch (IOException e) {
            throw UserError.usage("cannot read a log: " + e.getMessage());
        }
        out.flush();
        notes(counts, sources.size());
        return counts.alerts() > 0 ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private void notes(Replay.Counts c, int files) {
        List<String> said = new ArrayList<>();
        if (c.skipped() > 0) {
            said.add(c.skipped() + (c.skipped() == 1 ? " line" : " lines") + " skipped (not JSON objects, or longer than 16 MiB)");
        }
        if (c.sessionsLeftOut() > 0) {
            said.add(c.sessionsLeftOut() + " lines of sessions beyond the first 10,000, not evaluated");
        }
        if (c.late() > 0) {
            said.add(c.late() + " lines taken out of time order by the rules over all sessions (more than 64 MiB of their samples held)");
        }
        if (c.lines() == 0) {
            said.add("no line read");
        }
        if (!said.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(TerminalText.visible(spec.qualifiedName() + ": " + files + (files == 1 ? " file, " : " files, ") + c.lines()
                    + " lines; " + String.join("; ", said)));
            err.flush();
        }
    }
}
