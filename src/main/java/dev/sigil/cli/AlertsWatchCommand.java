package dev.sigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.sigil.alerts.RuleSet;
import dev.sigil.alerts.Watch;
import dev.sigil.contract.codec.PythonTimestamp;
import dev.sigil.contract.event.EventTime;
import dev.sigil.layout.LogLayout;
import dev.sigil.report.LogSource;
import dev.sigil.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sigil alerts watch}: follows logs through the rules and runs the actions of what fires, headless. */
@Command(name = "watch",
        description = {
            "Follow logs through the rules and run the actions of every alert that fires",
            "(stdout, stderr, as text or JSON). Each log is read from its start, so that",
            "its windows are what a replay gives; the alerts of lines a previous watch",
            "delivered are not delivered again (the count is kept beside each log, in",
            "alerts.state.json). With --all, sessions that appear later are followed too.",
            "Runs until interrupted, or with --no-follow until the logs are read."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped with --no-follow, or by Ctrl-C (130)", "2:bad arguments, an unreadable log, an invalid rules or price file"})
final class AlertsWatchCommand implements Callable<Integer> {

    /** How often --all looks for new sessions, in polls without news. */
    private static final int RESCAN_POLLS = 20;

    @ParentCommand
    AlertsCommand alerts;

    @Spec
    CommandSpec spec;

    @Mixin
    AlertsCommand.Inputs in;

    @Option(names = "--no-follow", description = "Read the logs to their end, deliver, and exit.")
    boolean noFollow;

    @Option(names = "--poll-interval", paramLabel = "MILLIS", description = "How often to look for new lines, in milliseconds (default: ${DEFAULT-VALUE}).")
    long pollMillis = 250;

    @Override
    public Integer call() throws IOException {
        Environment env = alerts.root.environment();
        if (pollMillis < 1 || pollMillis > 60_000) {
            throw UserError.usage("--poll-interval must be 1 to 60000 milliseconds, not " + pollMillis);
        }
        RuleSet set = in.rules.load(env, spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = env.stdoutTerminal();
        Watch.Out printer = new Watch.Out() {
            @Override
            public void stdout(String line) {
                out.println(terminal ? TerminalText.visible(line) : line);
                out.flush();
            }

            @Override
            public void stderr(String line) {
                err.println(TerminalText.visible(line));
                err.flush();
            }

            @Override
            public void note(String text) {
                stderr(spec.qualifiedName() + ": " + text);
            }
        };
        EventTime now = EventTime.parse(PythonTimestamp.now(Clock.system(ZoneId.systemDefault())));
        try (Watch watch = new Watch(set, in.formats(env), in.prices.prices(env, spec), now, Duration.ofMillis(pollMillis), printer)) {
            watch.follow(logFiles(env));
            if (noFollow) {
                watch.readAll();
                return ExitCode.OK;
            }
            follow(watch, env);
            return ExitCode.INTERRUPTED;
        } catch (UncheckedIOException e) {
            throw UserError.usage(e.getMessage());
        }
    }

    private void follow(Watch watch, Environment env) throws IOException {
        int quiet = 0;
        while (!Thread.currentThread().isInterrupted()) {
            if (watch.poll() > 0) {
                quiet = 0;
                continue;
            }
            if (in.all && ++quiet % RESCAN_POLLS == 0) {
                watch.follow(logFiles(env));
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The live name of each log (a session's execution.jsonl, whose rotated parts the watch reads first). */
    private List<Path> logFiles(Environment env) throws IOException {
        List<Path> out = new ArrayList<>();
        for (LogSource s : in.sources(env)) {
            if (!LogLayout.ROTATED.matcher(s.file().getFileName().toString()).matches()) {
                out.add(s.file());
            }
        }
        return out;
    }
}
