package dev.sigil.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.sigil.contract.format.FormatSet;
import dev.sigil.layout.LogLayout;
import dev.sigil.layout.SessionId;
import dev.sigil.monitor.LogLocator;
import dev.sigil.print.RawPrinter;
import dev.sigil.print.TailPrinter;
import dev.sigil.remote.RemoteUrl;
import dev.sigil.tail.Confinement;
import dev.sigil.tail.FileTailSource;
import dev.sigil.tail.TailOptions;
import dev.sigil.tail.TailSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sigil tail}: prints log lines, and with {@code --follow} keeps printing them as they are written. */
@Command(name = "tail",
        description = {
            "Print the entries of execution logs, one line each.",
            "With --follow, keep printing them as they are written, like tail -F: across",
            "rotations, truncations, deletion and re-creation, and a current.jsonl symlink",
            "that moves to a new session.",
            "",
            "Logs of any format sigil knows are read (sigil formats; each file's own found",
            "from its first lines, or --input-format), and any other JSON object is shown",
            "too, as it is (the first of each file is reported). Blank lines are ignored.",
            "Lines that are not JSON objects, or longer than --max-line-bytes, are skipped",
            "and reported on stderr as PATH:LINE: reason; invalid UTF-8 is shown as U+FFFD",
            "and reported. On a terminal, control characters are shown, never sent."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every line was shown",
            "1:some lines were skipped or had invalid UTF-8 (see stderr)",
            "2:bad arguments, or a file missing or unreadable (without --follow)",
            "130:stopped by Ctrl-C or interrupted (--follow)"})
final class TailCommand implements Callable<Integer> {

    @ParentCommand
    SigilCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Log files to read; a symlink (the log directory's current.jsonl) is followed to wherever it points. Or one remote session, ws://HOST:PORT/sessions/ID (docs/remote.md).")
    List<String> paths = new ArrayList<>();

    @Mixin
    RemoteOptions remote;

    @Option(names = {"-f", "--follow"}, description = "Keep reading as the files grow, like tail -F; stop with Ctrl-C. Files that do not exist yet are waited for.")
    boolean follow;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "line",
            description = "line: HH:MM:SS [LEVEL] component/operation: message, the bytes scripts/file_monitor.sh prints; jsonl: each entry in canonical JSON; raw: each line's bytes as they are in the log (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-v", "--verbose"}, description = "Add running counts of skipped lines to the stderr reports, and a summary at the end.")
    boolean verbose;

    @Option(names = "--max-line-bytes", paramLabel = "N", description = "Longest line read, in bytes (default: ${DEFAULT-VALUE}); longer lines are skipped without being held in memory.")
    int maxLineBytes = TailOptions.DEFAULT_MAX_LINE_BYTES;

    @Mixin
    SessionOptions logs;

    @Mixin
    FormatOptions formats;

    @Mixin
    OtlpOptions otlp;

    @Option(names = "--poll-interval", paramLabel = "MILLIS", description = "With --follow, how often to look for new bytes, in milliseconds (default: ${DEFAULT-VALUE}).")
    long pollMillis = 100;

    @Override
    public Integer call() {
        TailPrinter.Format outputFormat = parseFormat();
        if (maxLineBytes < 1) {
            throw UserError.usage("--max-line-bytes must be at least 1");
        }
        if (pollMillis < 1) {
            throw UserError.usage("--poll-interval must be at least 1");
        }
        Environment env = root.environment();
        PrintWriter err = spec.commandLine().getErr();
        OutputStream stdout = new BufferedOutputStream(env.stdout(), 1 << 16);
        TailPrinter printer = new TailPrinter(stdout, err, "sigil tail", outputFormat, env.stdoutTerminal(), verbose);
        RawPrinter raw = outputFormat == TailPrinter.Format.RAW ? new RawPrinter(stdout, printer, env.stdoutTerminal()) : null;
        if (paths.size() == 1 && RemoteUrl.isRemote(paths.get(0))) {
            RemoteUrl url = remoteUrl(paths.get(0));
            // the configuration is read only for an address without a port (cli.monitor.port)
            url = url.hasPort() ? url : url.withDefaultPort(logs.logs(env).loaded().config().stream().clientPort());
            return TailRun.remote(url, remote, env, follow, printer, raw, err);
        }
        checkArguments();
        // Files given by name are read without the configuration unless it has a file, the only place that says
        // which formats they may be in (formats.paths, formats.default): `sigil tail FILE` starts as fast as before
        // (ADR 0051).
        LogOptions.Logs loaded = logs.sessionId().isPresent() || logs.hasConfigFile(env) ? logs.logs(env) : null;
        List<TailSource> sources = sources(loaded);
        FormatSet inFormats = formats.formats(env, loaded == null ? FormatOptions.NO_CONFIGURATION : loaded.loaded().config().formats());
        printer.showHeaders(sources.size() > 1);
        printer.autoFlush(follow);
        TailOptions options = TailOptions.defaults().withMaxLineBytes(maxLineBytes).withPollInterval(Duration.ofMillis(pollMillis));
        LiveExport live = !otlp.enabled() ? null : LiveExport.start(otlp, env, sources, spec, false, new PriceOptions().pricer(env, spec));
        int code;
        try {
            if (raw != null) {
                code = TailRun.raw(sources, options, raw, follow);
            } else {
                code = follow ? TailRun.follow(sources, options, printer, inFormats)
                        : TailRun.once(sources, options, printer, verbose, inFormats);
            }
        } catch (UncheckedIOException e) {
            code = TailRun.outputFailed(e, err);
        }
        if (live != null && !live.end().complete() && code == ExitCode.OK) {
            code = ExitCode.FINDINGS; // what could not be sent was said; the exit code says it too
        }
        return code;
    }

    private TailPrinter.Format parseFormat() {
        try {
            return TailPrinter.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw UserError.usage("--format must be line, jsonl or raw, not '" + format
                    + "' (the format logs are read in is --input-format; sigil formats lists them)");
        }
    }

    private static RemoteUrl remoteUrl(String text) {
        try {
            return RemoteUrl.parse(text);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
    }

    private void checkArguments() {
        Optional<SessionId> session = logs.sessionId();
        if (session.isPresent() && !paths.isEmpty()) {
            throw UserError.usage("give either PATHs or --session, not both");
        }
        if (session.isEmpty() && paths.isEmpty()) {
            throw UserError.usage("give the PATH of a log, or --session ID");
        }
        if (session.isEmpty() && logs.logPath != null) {
            throw UserError.usage("--log-path goes with --session");
        }
    }

    private List<TailSource> sources(LogOptions.Logs loaded) {
        Optional<SessionId> session = logs.sessionId();
        List<TailSource> sources = new ArrayList<>();
        if (session.isPresent()) {
            LogLayout layout = loaded.layout();
            Path base = layout.root();
            Path file = layout.executionLog(session.get());
            if (!follow && !Files.isDirectory(file.getParent())) {
                LogLocator locator = new LogLocator(layout, loaded.rootText());
                throw UserError.usage(locator.missingDirectory(locator.session(session.get()), " (--follow waits for it)").orElseThrow());
            }
            Path leadsTo = outside(file, base);
            if (leadsTo != null) {
                throw UserError.usage("refused: " + Confinement.describe(file, leadsTo, base));
            }
            sources.add(new FileTailSource(file).confinedTo(base));
        } else {
            for (String text : paths) {
                if (RemoteUrl.isRemote(text)) {
                    throw UserError.usage("a remote session is followed alone: " + text);
                }
                Path p = Path.of(text);
                if (Files.isDirectory(p)) {
                    // said once, before anything is read: a directory never becomes a log to follow
                    throw UserError.usage(p + ": is a directory, not a log file (a session's log is "
                            + p.resolve(LogLayout.EXECUTION_LOG) + ", or use --session ID)");
                }
                sources.add(new FileTailSource(p));
            }
        }
        return sources;
    }

    private static Path outside(Path file, Path base) {
        try {
            return Confinement.outside(file, base);
        } catch (java.io.IOException e) {
            throw UserError.usage("cannot read " + file + ": " + e.getMessage());
        }
    }
}
