package dev.sigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.sigil.contract.codec.PythonTimestamp;
import dev.sigil.contract.event.EventTime;
import dev.sigil.report.By;
import dev.sigil.report.LogSource;
import dev.sigil.report.Report;
import dev.sigil.report.ReportCsv;
import dev.sigil.report.ReportJson;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.report.ReportReader;
import dev.sigil.report.ReportRequest;
import dev.sigil.report.ReportText;
import dev.sigil.report.TimeRange;
import dev.sigil.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sigil report}: tokens and dollars of logs, grouped by model, component, operation, phase, session, period or call tree. */
@Command(name = "report",
        description = {
            "Add up the tokens and the cost of logs.",
            "",
            "One row per model, component, operation, phase, session, hour, day, week,",
            "or the call tree of each run; --trend adds each period's change.",
            "",
            "Reads the PATHs (a log, or a session's directory), the session of",
            "--session, or --all sessions; either dialect, rotated parts in order. A",
            "restated total counts once, as in sigil monitor. Each line is priced at",
            "its own time (docs/cost.md); a row without any price says unpriced",
            "(JSON null), never $0. Each session's totals are kept beside its log",
            "(report.cache.json) and rebuilt when the log changes (docs/report.md)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report was printed", "2:bad arguments, an unreadable file, or an invalid price file"})
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    SigilCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    LogInputs in;

    @Option(names = "--since", paramLabel = "DATE", description = "Only lines from DATE on: 2026-01-11, 2026-01-11T14:30 (an offset optional; else local time), or a time ago: 12h, 7d, 2w.")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Only lines up to DATE (a date, or a time ago, includes its whole day or hour).")
    String until;

    @Option(names = "--by", paramLabel = "KEY", description = "model (default), component, operation, phase, session, hour, day, week or tree.")
    String by;

    @Option(names = "--top", paramLabel = "N", description = "Only the N most expensive rows (per level of the tree); the total still counts all.")
    Integer top;

    @Option(names = "--trend", description = "Each period (--by day unless hour or week) with its change against the one before.")
    boolean trend;

    @Option(names = "--active", description = "Only the sessions running now (--by session unless given).")
    boolean active;

    @Option(names = "--no-cache", description = "Read every log, neither reading nor writing the totals kept beside them.")
    boolean noCache;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), json or csv.")
    String format = "table";

    @Override
    public Integer call() throws IOException {
        Environment env = root.environment();
        String name = by != null ? by : trend ? "day" : active ? "session" : "model";
        By key = By.of(name).orElseThrow(() -> UserError.usage("--by must be one of model, component, operation, phase, session, hour, day,"
                + " week, tree; not '" + name + "'"));
        if (!List.of("table", "json", "csv").contains(format)) {
            throw UserError.usage("--format must be table, json or csv; not '" + format + "'");
        }
        if (top != null && top < 1) {
            throw UserError.usage("--top must be at least 1, not " + top);
        }
        ZoneId zone = ZoneId.systemDefault();
        Clock clock = Clock.system(zone);
        ReportRequest request;
        try {
            request = new ReportRequest(key, top == null ? 0 : top, TimeRange.of(since, until, zone, clock.instant()), trend, active);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
        List<LogSource> sources = in.sources(env);
        EventTime now = EventTime.parse(PythonTimestamp.now(clock));
        ReportReader.Caching caching = new ReportReader.Caching(!noCache, in.prices.identity(env));
        Report report = ReportReader.read(sources, in.formats(env), request, in.prices.prices(env, spec), now, caching);
        print(report, env.stdoutTerminal());
        notes(report);
        return ExitCode.OK;
    }

    private void print(Report report, boolean terminal) {
        PrintWriter out = spec.commandLine().getOut();
        List<String> lines = switch (format) {
            case "json" -> List.of(ReportJson.of(report));
            case "csv" -> ReportCsv.lines(report);
            default -> ReportText.lines(report);
        };
        for (String l : lines) {
            out.println(terminal ? TerminalText.visible(l) : l);
        }
        out.flush();
    }

    /** What was read and left out, on stderr when something was. */
    private void notes(Report report) {
        Report.Notes n = report.notes();
        List<String> said = new ArrayList<>();
        if (n.skipped() > 0) {
            said.add(n.skipped() + (n.skipped() == 1 ? " line" : " lines") + " skipped (not JSON objects, or longer than 16 MiB)");
        }
        if (n.outOfRange() > 0) {
            said.add(n.outOfRange() + (n.outOfRange() == 1 ? " line" : " lines") + " with tokens outside --since/--until (or without a readable time)");
        }
        if (n.restatements() > 0) {
            said.add(n.restatements() + (n.restatements() == 1 ? " restated total" : " restated totals") + " counted once");
        }
        if (n.lines() == 0) {
            said.add(active ? "no session running" : "no line read");
        }
        if (!said.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(TerminalText.visible(spec.qualifiedName() + ": " + n.files() + (n.files() == 1 ? " file, " : " files, ") + n.lines()
                    + " lines; " + String.join("; ", said)));
            err.flush();
        }
    }
}
