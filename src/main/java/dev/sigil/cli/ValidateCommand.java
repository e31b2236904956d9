package dev.sigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import dev.sigil.contract.ContractSchema;
import dev.sigil.contract.validation.SchemaValidator;
import dev.sigil.layout.LogLayout;
import dev.sigil.layout.SessionId;
import dev.sigil.monitor.LogLocator;
import dev.sigil.text.TerminalText;
import dev.sigil.validate.FileSummary;
import dev.sigil.validate.LogValidator;
import dev.sigil.validate.Problem;
import dev.sigil.validate.ProblemSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sigil validate}: checks logs against the contract. */
@Command(name = "validate",
        header = "Check execution logs against the contract, line by line.",
        description = {
            "Checks each line against contract/execution-entry.schema.json (or --schema),",
            "streaming files of any size with constant memory.",
            "",
            "Problems go to stdout, one per line:",
            "  PATH:LINE:COLUMN: message          for a line that is not JSON",
            "  PATH:LINE: /json/pointer: message  for a value that breaks the schema",
            "Blank lines are not errors. A summary goes to stderr.",
            "",
            "With --input-format NAME|FILE, the lines are checked against that format",
            "instead of the contract: each must be recognised by it and map to an event",
            "sigil takes (a usage within the contract's rules, a known event type)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every line is valid", "1:some lines are invalid", "2:bad arguments or an unreadable file"})
final class ValidateCommand implements Callable<Integer> {

    enum Format { text, json }

    /** Regular files at least this large are checked on every core (ADR 0041); smaller ones and pipes line by line. */
    static final long PARALLEL_FROM_BYTES = 4 << 20;

    @ParentCommand
    SigilCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files to check; '-' reads standard input.")
    List<String> paths = new ArrayList<>();

    @Mixin
    SessionOptions logs;

    @Mixin
    FormatOptions formats;

    @Option(names = "--schema", paramLabel = "FILE", description = "Validate against this schema instead of the bundled contract.")
    Path schemaFile;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json: one JSON object per problem and a final summary object.")
    Format format = Format.text;

    @Option(names = "--max-errors", paramLabel = "N", description = "Stop after N problems (default: no limit).")
    long maxErrors = 0;

    @Option(names = "--max-line-bytes", paramLabel = "N", description = "Longest line read, in bytes (default: ${DEFAULT-VALUE}); longer lines are reported and skipped.")
    int maxLineBytes = LogValidator.DEFAULT_MAX_LINE_BYTES;

    @Override
    public Integer call() throws IOException {
        if (maxErrors < 0) {
            throw UserError.usage("--max-errors must be 0 (no limit) or more");
        }
        if (maxLineBytes < 1) {
            throw UserError.usage("--max-line-bytes must be at least 1");
        }
        Environment env = root.environment();
        List<String> names = inputs(env);
        SchemaValidator schema;
        try {
            schema = schemaFile == null ? SchemaValidator.executionEntry() : SchemaValidator.of(ContractSchema.fromFile(schemaFile));
        } catch (ContractSchema.SchemaFileException e) {
            throw UserError.usage("--schema " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw UserError.usage("--schema " + schemaFile + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw UserError.usage("--schema " + schemaFile + ": not a usable JSON schema: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ValidationReport report = format == Format.json ? new ValidationReport.Json(out) : new ValidationReport.Text(out, schema.requiredCount());
        LogValidator validator = formats.inputFormat == null ? new LogValidator(schema, maxLineBytes) : formatValidator(env);
        long[] problems = {0};
        List<FileSummary> summaries = new ArrayList<>();
        boolean unreadable = false;
        boolean stopped = false;
        for (String name : names) {
            if (stopped) {
                break;
            }
            long size = InputFiles.size(name);
            ProgressLine progress = new ProgressLine(err, env.stderrTerminal(), name, size);
            try (InputStream in = InputFiles.open(name, env)) {
                ProblemSink sink = (Problem p) -> {
                    progress.clear();
                    report.problem(p);
                    problems[0]++;
                    return maxErrors == 0 || problems[0] < maxErrors;
                };
                FileSummary summary = size >= PARALLEL_FROM_BYTES
                        ? validator.validateInParallel(name, in, sink, progress::update)
                        : validator.validate(name, in, sink, progress::update);
                progress.clear();
                report.fileDone();
                summaries.add(summary);
                stopped = summary.stopped();
            } catch (UserError e) {
                progress.clear();
                report.fileDone();
                err.println(TerminalText.visible("sigil validate: " + e.getMessage()));
                unreadable = true;
            }
        }
        report.summary(summaries, stopped);
        out.flush();
        err.println(TerminalText.visible(ValidationReport.summaryLine(summaries, stopped, maxErrors)));
        err.flush();
        if (unreadable) {
            return ExitCode.USAGE;
        }
        return summaries.stream().anyMatch(s -> s.invalid() > 0) ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /** The validator of {@code --input-format}'s lines (it reads the configuration: user formats may be named). */
    private LogValidator formatValidator(Environment env) {
        if (schemaFile != null) {
            throw UserError.usage("give --schema or --input-format, not both: a format is checked by its own definition");
        }
        if (formats.inputFormat.equals("auto")) {
            throw UserError.usage("--input-format auto: validate checks the lines against one format; name it (sigil formats lists them)");
        }
        dev.sigil.contract.format.FormatSet set = formats.formats(env, logs.logs(env).loaded().config().formats());
        return LogValidator.ofFormat(set.initial(), maxLineBytes);
    }

    /** The files to check: the PATHs, or a session's log, its rotated parts first (oldest first), as one log reads. */
    private List<String> inputs(Environment env) throws IOException {
        Optional<SessionId> session = logs.sessionId();
        if (session.isPresent() == !paths.isEmpty()) {
            throw UserError.usage(session.isPresent() ? "give either PATHs or --session, not both" : "give the PATH of a log, or --session ID");
        }
        if (session.isEmpty() && logs.logPath != null) {
            throw UserError.usage("--log-path goes with --session");
        }
        if (session.isEmpty()) {
            return paths; // files given by name need no setting: the configuration is read for a session only
        }
        LogOptions.Logs found = logs.logs(env);
        LogLayout layout = found.layout();
        Path dir = layout.sessionDirectory(session.get());
        if (!Files.isDirectory(dir)) {
            LogLocator locator = new LogLocator(layout, found.rootText());
            throw UserError.usage(locator.missingDirectory(locator.session(session.get()), "").orElse("no session '" + session.get() + "'"));
        }
        TreeMap<Integer, String> parts = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                LogLayout.rotatedNumber(f.getFileName().toString()).ifPresent(n -> parts.put(n, f.toString()));
            }
        }
        List<String> names = new ArrayList<>(parts.values());
        names.add(layout.executionLog(session.get()).toString());
        return names;
    }
}
