package dev.sigil.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.sigil.config.MonitoringConfig;
import dev.sigil.config.SigilConfig;
import dev.sigil.contract.event.Level;
import dev.sigil.layout.SessionId;
import dev.sigil.monitor.AlertFeed;
import dev.sigil.monitor.DashboardMonitor;
import dev.sigil.monitor.LogLocator;
import dev.sigil.monitor.LogTarget;
import dev.sigil.monitor.MonitorOptions;
import dev.sigil.monitor.MonitorPidFile;
import dev.sigil.monitor.StreamMonitor;
import dev.sigil.monitor.state.EventFilter;
import dev.sigil.monitor.TranscriptFolder;
import dev.sigil.remote.RemoteUrl;
import dev.sigil.monitor.view.Display;
import dev.sigil.monitor.view.TerminalOpening;
import dev.sigil.spend.Prices;
import dev.sigil.tail.Confinement;
import dev.sigil.tail.TailOptions;
import dev.sigil.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sigil monitor}: the live view of a session's log: a full-screen dashboard, or the documented stream/minimal text. */
@Command(name = "monitor",
        description = {
            "Watch a session as it runs, full-screen or as text.",
            "Tokens per component, budget, burn rate and forecast, latency, recent events",
            "and errors; follows the log across rotations and truncations.",
            "",
            "On a terminal the default is a full-screen dashboard (q quit, p pause,",
            "arrows or j/k select an event, Enter its whole entry, / filter,",
            "c component, l level, s session, ? help).",
            "Otherwise, or with --mode stream or minimal, it prints what the documented",
            "Python monitor prints, byte for byte, then the final summary when the",
            "session ends. Lines that cannot be shown are reported on stderr.",
            "",
            "Without --session or PATH it follows the active session:",
            "LOG_PATH/current.jsonl. Defaults of --mode, --level and --refresh-rate, and",
            "what the dashboard shows: the configuration's monitoring section and",
            "logging.level. Guide: docs/monitor.md."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done (the session ended, the file was read, or q was pressed)",
            "1:some lines were skipped or had invalid UTF-8 (stream and minimal; reported on stderr)",
            "2:bad arguments or configuration, or no log to read with --no-follow",
            "130:stopped by Ctrl-C (stream and minimal)"})
final class MonitorCommand implements Callable<Integer> {

    @ParentCommand
    SigilCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    SessionOptions logs;

    @Mixin
    PriceOptions prices;

    @Mixin
    FormatOptions formats;

    @Parameters(paramLabel = "PATH", arity = "0..1",
            description = "A log file to follow (or a session directory holding execution.jsonl), or a remote session, ws://HOST:PORT/sessions/ID (ws://HOST:PORT: pick one; docs/remote.md).")
    String path;

    @Mixin
    RemoteOptions remote;

    @Option(names = {"-m", "--mode"}, paramLabel = "MODE",
            description = "dashboard, stream or minimal (default: monitoring.default_mode; the dashboard on a terminal, stream otherwise).")
    String mode;

    @Option(names = "--filter", paramLabel = "COMPONENT", description = "Show only the events of this component (totals still count everything).")
    String component = "";

    @Option(names = "--level", paramLabel = "LEVEL",
            description = "Lowest level shown: trace, debug, info, warning, error, critical (default: logging.level, info).")
    String level;

    @Option(names = "--refresh-rate", paramLabel = "S",
            description = "Seconds between updates (default: 1 / monitoring.refresh_rate_hz, 0.1; the dashboard draws at most 10 frames a second).")
    Double refreshRate;

    @Option(names = "--no-follow", description = "Read the log to its end and exit, after the final summary if the session finished (stream form unless --mode dashboard is given, which stays until q).")
    boolean noFollow;

    @Option(names = "--wait", description = "Wait for a log whose directory does not exist yet (a session not started, a path not created); without it that is an error. A missing file in an existing directory is always waited for.")
    boolean waitForDirectory;

    @Mixin
    OtlpOptions otlp;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Alert rules evaluated on every line read: each alert a notice in the dashboard (and the terminal's bell for a rule with the bell action), a line in stream and minimal. docs/alerts.md.")
    Path rules;

    @Option(names = "--no-color", description = "No colours in the dashboard (also when the NO_COLOR environment variable is set).")
    boolean noColor;

    /** Options that act on this machine's files only: said, not dropped without a word, for a remote session. */
    private static void refuseForRemote(boolean given, String option) {
        if (given) {
            throw UserError.usage(option + " works on this machine's logs, not on a remote session (docs/remote.md)");
        }
    }

    /** What a run is made of: its options and where its sessions are. */
    record Prepared(MonitorOptions options, LogLocator locator) {
    }

    @Override
    public Integer call() throws Exception {
        Environment env = root.environment();
        if (path != null && RemoteUrl.isRemote(path)) {
            if (logs.sessionId().isPresent()) {
                throw UserError.usage("give either a remote session or --session, not both");
            }
            refuseForRemote(waitForDirectory, "--wait");
            refuseForRemote(rules != null, "--rules");
            refuseForRemote(otlp.enabled(), "--otlp");
            SigilConfig cfg = logs.logs(env).loaded().config();
            OutputStream out = new BufferedOutputStream(new StandardOutput(env.stdout()), 1 << 16);
            return MonitorRemote.run(path, cfg.stream().clientPort(), remote, env, !noFollow, target -> options(env, cfg, target), prices.prices(env, spec), out,
                    spec.commandLine().getErr());
        }
        Prepared prepared = prepare(env);
        // The dashboard's terminal is opened meanwhile: JLine's start overlaps the checks below and the follower's (ADR 0225).
        try (TerminalOpening opening = prepared.options().mode() == MonitorOptions.Mode.DASHBOARD ? TerminalOpening.start(env.get("TERM")) : null) {
            return run(env, prepared, opening);
        }
    }

    private int run(Environment env, Prepared prepared, TerminalOpening opening) throws Exception {
        MonitorOptions options = prepared.options();
        LogLocator locator = prepared.locator();
        PrintWriter err = spec.commandLine().getErr();
        LogTarget target = options.target();
        if (target.confinedTo() != null) {
            Path leadsTo = Confinement.outside(target.file(), target.confinedTo());
            if (leadsTo != null) {
                throw UserError.usage("refused: " + Confinement.describe(target.file(), leadsTo, target.confinedTo()));
            }
        }
        if (!Files.exists(target.file())) {
            if (!options.follow()) {
                throw UserError.usage(locator.missingDirectory(target, "")
                        .orElse("no log at " + target.file() + " (drop --no-follow to wait for it)"));
            }
            Optional<String> noDirectory = locator.missingDirectory(target, " (--wait waits for it)");
            if (noDirectory.isPresent() && !waitForDirectory) {
                throw UserError.usage(noDirectory.get());
            }
        }
        String unknown = EventFilter.unknownComponentNote(options.component());
        if (!unknown.isEmpty() && options.mode() != MonitorOptions.Mode.DASHBOARD) {
            // said once, here; the dashboard says it where the events would be
            err.println(TerminalText.visible("sigil monitor: --filter: " + unknown));
            err.flush();
        }
        OutputStream out = new BufferedOutputStream(new StandardOutput(env.stdout()), 1 << 16);
        Prices linePrices = prices.prices(env, spec);
        boolean dashboard = options.mode() == MonitorOptions.Mode.DASHBOARD;
        AlertFeed alerts = rules == null ? AlertFeed.NONE
                : LiveRules.monitor(LiveRules.load(env, spec, rules), linePrices, dashboard ? env.stdout() : null);
        LiveExport live = !otlp.enabled() ? null : LiveExport.start(otlp, env, java.util.List.of(target.source()), spec, dashboard,
                prices.pricer(env, spec));
        try (MonitorPidFile pid = MonitorPidFile.register(locator.layout(), target.session(),
                warning -> err.println("sigil monitor: " + TerminalText.visible(warning)))) {
            if (dashboard) {
                new DashboardMonitor(options, locator, Clock.systemDefaultZone(), linePrices,
                        new dev.sigil.report.ReportReader.Caching(true, prices.identity(env))).alerts(alerts).terminalFrom(opening).run(out);
                return ExitCode.OK;
            }
            boolean problems = new StreamMonitor(options, out, err, Clock.systemDefaultZone(), linePrices).alerts(alerts).run();
            return problems ? ExitCode.FINDINGS : ExitCode.OK;
        } finally {
            if (live != null) {
                live.end();
            }
        }
    }

    /** The options of this command line, with the configuration's defaults (loaded here, warnings printed). */
    Prepared prepare(Environment env) {
        LogOptions.Logs found = logs.logs(env);
        LogLocator locator = new LogLocator(found.layout(), found.rootText());
        Optional<TranscriptFolder> folder = path == null || logs.sessionId().isPresent() ? Optional.empty() : TranscriptFolder.of(Path.of(path));
        if (folder.isPresent()) {
            locator = locator.withTranscripts(folder.get()); // a Claude Code projects folder: its transcripts are the sessions
        }
        return new Prepared(options(env, found.loaded().config(), locator, folder), locator);
    }

    private MonitorOptions options(Environment env, SigilConfig cfg, LogLocator locator, Optional<TranscriptFolder> folder) {
        return options(env, cfg, folder.isPresent() ? folder.get().newest() : target(locator));
    }

    private MonitorOptions options(Environment env, SigilConfig cfg, LogTarget target) {
        Level min = level == null ? cfg.logging().level() : Level.parse(level);
        if (min == null) {
            throw UserError.usage("--level must be trace, debug, info, warning, error or critical, not '" + level + "'");
        }
        double seconds = refreshRate != null ? refreshRate : 1 / cfg.monitoring().refreshRateHz();
        if (!(seconds > 0) || seconds > 3600) {
            throw UserError.usage("--refresh-rate must be more than 0 and at most 3600 seconds");
        }
        MonitorOptions.Mode chosen = mode(env, cfg.monitoring());
        Duration refresh = Duration.ofNanos(Math.max(1_000_000L, (long) (seconds * 1e9)));
        return new MonitorOptions(target, chosen, component, min, refresh, !noFollow, !noColor && !env.noColor(),
                env.stdoutTerminal(), TailOptions.DEFAULT_MAX_LINE_BYTES, Display.of(cfg.monitoring()), formats.formats(env, cfg.formats()));
    }

    private MonitorOptions.Mode mode(Environment env, MonitoringConfig monitoring) {
        if (mode == null) {
            MonitorOptions.Mode configured = MonitorOptions.Mode.valueOf(monitoring.defaultMode().name());
            // --no-follow means "read to the end and exit": the stream form does that; an explicit
            // --mode dashboard --no-follow keeps the final dashboard on screen until q.
            boolean dashboardFits = env.stdoutTerminal() && !noFollow;
            return configured != MonitorOptions.Mode.DASHBOARD || dashboardFits ? configured : MonitorOptions.Mode.STREAM;
        }
        MonitorOptions.Mode m;
        try {
            m = MonitorOptions.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw UserError.usage("--mode must be dashboard, stream or minimal, not '" + mode + "'");
        }
        if (m == MonitorOptions.Mode.DASHBOARD && !env.stdoutTerminal()) {
            throw UserError.usage("the dashboard needs a terminal on stdout; use --mode stream or minimal");
        }
        return m;
    }

    private LogTarget target(LogLocator locator) {
        Optional<SessionId> session = logs.sessionId();
        if (session.isPresent() && path != null) {
            throw UserError.usage("give either PATH or --session, not both");
        }
        if (session.isPresent()) {
            return locator.session(session.get());
        }
        return path != null ? locator.path(path) : locator.active();
    }
}
