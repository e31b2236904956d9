package dev.sigil.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.sigil.contract.event.Level;
import dev.sigil.monitor.DashboardMonitor;
import dev.sigil.monitor.LogLocator;
import dev.sigil.monitor.LogTarget;
import dev.sigil.monitor.MonitorOptions;
import dev.sigil.monitor.StreamMonitor;
import dev.sigil.tail.Confinement;
import dev.sigil.tail.TailOptions;
import picocli.CommandLine.Command;
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
            "arrows or j/k scroll, / filter, c component, l level, s session, ? help).",
            "Otherwise, or with --mode stream or minimal, it prints what the documented",
            "Python monitor prints, byte for byte, then the final summary when the",
            "session ends. Lines that cannot be shown are reported on stderr.",
            "",
            "Without --session or PATH it follows the active session:",
            "LOG_PATH/current.jsonl. Guide: docs/monitor.md."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done (the session ended, the file was read, or q was pressed)",
            "1:some lines were skipped or had invalid UTF-8 (stream and minimal; reported on stderr)",
            "2:bad arguments, or no log to read with --no-follow",
            "130:stopped by Ctrl-C (stream and minimal)"})
final class MonitorCommand implements Callable<Integer> {

    @ParentCommand
    SigilCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..1", description = "A log file to follow (or a session directory holding execution.jsonl).")
    String path;

    @Option(names = "--session", paramLabel = "ID", description = "Follow session ID: LOG_PATH/sessions/ID/execution.jsonl.")
    String session;

    @Option(names = "--log-path", paramLabel = "DIR", description = "Base log directory (default: ~/.sigil/logs).")
    String logPath;

    @Option(names = "--mode", paramLabel = "MODE", description = "dashboard, stream or minimal (default: dashboard on a terminal, stream otherwise).")
    String mode;

    @Option(names = "--filter", paramLabel = "COMPONENT", description = "Show only the events of this component (totals still count everything).")
    String component = "";

    @Option(names = "--level", paramLabel = "LEVEL", description = "Lowest level shown: trace, debug, info, warning, error, critical (default: ${DEFAULT-VALUE}).")
    String level = "info";

    @Option(names = "--refresh-rate", paramLabel = "S", description = "Seconds between updates (default: ${DEFAULT-VALUE}; the dashboard draws at most 10 frames a second).")
    double refreshRate = 0.1;

    @Option(names = "--no-follow", description = "Read the log to its end and exit, after the final summary if the session finished (stream form unless --mode dashboard is given, which stays until q).")
    boolean noFollow;

    @Option(names = "--no-color", description = "No colours in the dashboard (also when the NO_COLOR environment variable is set).")
    boolean noColor;

    @Override
    public Integer call() throws Exception {
        Environment env = root.environment();
        MonitorOptions options = options(env);
        PrintWriter err = spec.commandLine().getErr();
        LogTarget target = options.target();
        if (target.confinedTo() != null) {
            Path leadsTo = Confinement.outside(target.file(), target.confinedTo());
            if (leadsTo != null) {
                throw UserError.usage("refused: " + Confinement.describe(target.file(), leadsTo, target.confinedTo()));
            }
        }
        if (!options.follow() && !Files.exists(options.target().file())) {
            throw UserError.usage("no log at " + options.target().file() + " (drop --no-follow to wait for it)");
        }
        OutputStream out = new BufferedOutputStream(env.stdout(), 1 << 16);
        if (options.mode() == MonitorOptions.Mode.DASHBOARD) {
            new DashboardMonitor(options, locator(env), Clock.systemDefaultZone()).run(out);
            return ExitCode.OK;
        }
        boolean problems = new StreamMonitor(options, out, err, Clock.systemDefaultZone()).run();
        return problems ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private MonitorOptions options(Environment env) {
        Level min = Level.parse(level);
        if (min == null) {
            throw UserError.usage("--level must be trace, debug, info, warning, error or critical, not '" + level + "'");
        }
        if (!(refreshRate > 0) || refreshRate > 3600) {
            throw UserError.usage("--refresh-rate must be more than 0 and at most 3600 seconds");
        }
        MonitorOptions.Mode chosen = mode(env);
        Duration refresh = Duration.ofNanos(Math.max(1_000_000L, (long) (refreshRate * 1e9)));
        return new MonitorOptions(target(env), chosen, component, min, refresh, !noFollow, !noColor && !env.noColor(),
                env.stdoutTerminal(), TailOptions.DEFAULT_MAX_LINE_BYTES);
    }

    private MonitorOptions.Mode mode(Environment env) {
        if (mode == null) {
            // --no-follow means "read to the end and exit": the stream form does that; an explicit
            // --mode dashboard --no-follow keeps the final dashboard on screen until q.
            return env.stdoutTerminal() && !noFollow ? MonitorOptions.Mode.DASHBOARD : MonitorOptions.Mode.STREAM;
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

    private LogTarget target(Environment env) {
        if (session != null && path != null) {
            throw UserError.usage("give either PATH or --session, not both");
        }
        LogLocator locator = locator(env);
        if (session != null) {
            if (!LogLocator.isSessionId(session)) {
                throw UserError.usage("--session must be 1 to 64 letters, digits, '_' or '-', not '" + session + "'");
            }
            return locator.session(session);
        }
        return path != null ? locator.path(path) : locator.active();
    }

    private LogLocator locator(Environment env) {
        if (logPath != null && !logPath.isEmpty()) {
            return new LogLocator(logPath);
        }
        String home = env.get("HOME");
        String base = home != null && !home.isEmpty() ? home : System.getProperty("user.home");
        return new LogLocator(Path.of(base, ".sigil", "logs").toString());
    }
}
