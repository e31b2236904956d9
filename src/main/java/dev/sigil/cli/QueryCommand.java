package dev.sigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import dev.sigil.contract.codec.PythonTimestamp;
import dev.sigil.contract.event.EventTime;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.query.QueryEngine;
import dev.sigil.query.QueryException;
import dev.sigil.query.QueryOutput;
import dev.sigil.query.QueryResult;
import dev.sigil.report.LogSource;
import dev.sigil.spend.Prices;
import dev.sigil.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sigil query "SQL"}: SQL over the lines of logs, one table {@code events} (docs/report.md §5, ADR 0155). */
@Command(name = "query",
        description = {
            "Run SQL over logs, as one table named events.",
            "Every line of the PATHs, of --session or of --all sessions is a row of it",
            "(any format sigil reads; tokens counted and priced as sigil report does).",
            "Columns: docs/report.md.",
            "",
            "The query is the first argument, or the value of --sql; it may only read",
            "events. Examples:",
            "  sigil query \"SELECT model, sum(cost_usd) AS usd FROM events GROUP BY model\" --all",
            "  sigil query --sql \"SELECT count(*) AS n FROM events\" run.jsonl"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the result was printed", "2:bad arguments, an unreadable file, a query the engine refuses"})
final class QueryCommand implements Callable<Integer> {

    @ParentCommand
    SigilCommand root;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "SQL",
            description = "The query: one SELECT over the table events. Always the first argument; the others are PATHs (with --sql, all are).")
    String first;

    @Option(names = "--sql", paramLabel = "SQL", description = "The query, given as an option: then every argument is a PATH.")
    String sqlOption;

    @Mixin
    LogInputs in;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), json or csv.")
    String format = "table";

    @Override
    public Integer call() throws IOException {
        Environment env = root.environment();
        if (!List.of("table", "json", "csv").contains(format)) {
            throw UserError.usage("--format must be table, json or csv; not '" + format + "'");
        }
        String sql = QueryArguments.sql(first, sqlOption, in.paths);
        Clock clock = Clock.system(ZoneId.systemDefault());
        QueryResult result = Refusals.run(sql, in.sources(env), in.formats(env), in.prices.prices(env, spec),
                EventTime.parse(PythonTimestamp.now(clock)));
        PrintWriter out = spec.commandLine().getOut();
        List<String> lines = switch (format) {
            case "json" -> List.of(QueryOutput.json(result));
            case "csv" -> QueryOutput.csv(result);
            default -> QueryOutput.table(result);
        };
        boolean terminal = env.stdoutTerminal();
        lines.forEach(l -> out.println(terminal ? TerminalText.visible(l) : l));
        out.flush();
        if (result.skipped() > 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(spec.qualifiedName() + ": " + result.skipped() + (result.skipped() == 1 ? " line" : " lines")
                    + " skipped (not JSON objects, or longer than 16 MiB)");
            err.flush();
        }
        return ExitCode.OK;
    }

    /**
     * The engine's refusals as usage errors. A class of its own: the verifier loads the exception types a method
     * catches with its class, and the root's help reads this command's annotations (ADR 0160), so a catch in
     * {@code call} would load the query package on every start.
     */
    private static final class Refusals {

        static QueryResult run(String sql, List<LogSource> sources, FormatSet formats, Prices prices, EventTime undated) throws IOException {
            try {
                return QueryEngine.run(sql, sources, formats, prices, undated);
            } catch (QueryException e) {
                throw UserError.usage("the query: " + e.getMessage());
            }
        }
    }
}
