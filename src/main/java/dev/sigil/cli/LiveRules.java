package dev.sigil.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.alerts.Alert;
import dev.sigil.alerts.AlertEntry;
import dev.sigil.alerts.AlertText;
import dev.sigil.alerts.Delivery;
import dev.sigil.alerts.Evaluator;
import dev.sigil.alerts.Rule;
import dev.sigil.alerts.RuleSet;
import dev.sigil.contract.codec.PythonTimestamp;
import dev.sigil.contract.event.EventTime;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.layout.LogLayout;
import dev.sigil.monitor.AlertFeed;
import dev.sigil.orchestrate.RunAlerts;
import dev.sigil.report.LogSource;
import dev.sigil.report.ReportReader;
import dev.sigil.spend.Prices;
import dev.sigil.tail.LineContract;
import dev.sigil.tail.SkipReason;
import dev.sigil.tail.TailEntry;
import dev.sigil.text.TerminalText;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The rules of {@code --rules FILE} wired into {@code sigil monitor} and {@code sigil orchestrate}: the one evaluator of
 * docs/alerts.md over the lines they read or write. Loaded only when {@code --rules} is given.
 */
final class LiveRules {

    /** How long the end of a run waits for the commands and webhooks still queued. */
    private static final long DRAIN_MILLIS = 30_000;

    private LiveRules() {
    }

    static RuleSet load(Environment env, CommandSpec spec, Path file) {
        AlertsCommand.RulesOption option = new AlertsCommand.RulesOption();
        option.rules = file;
        return option.load(env, spec);
    }

    private static EventTime now() {
        return EventTime.parse(PythonTimestamp.now(Clock.system(ZoneId.systemDefault())));
    }

    /**
     * For the monitor: each alert's text, and the terminal's bell (when {@code bell} is not null) for the rules that
     * ask for it. The monitor shows alerts; it runs none of their other actions (the watch and the run deliver them).
     */
    static AlertFeed monitor(RuleSet rules, Prices prices, OutputStream bell) {
        return new AlertFeed() {
            private Evaluator evaluator = new Evaluator(rules, prices, now());
            private final LineContract contract = evaluator.countsInvalid() ? new LineContract() : null;

            @Override
            public synchronized List<String> lines(String source, List<TailEntry> entries) {
                List<String> fired = new ArrayList<>(0);
                String session = LogLayout.sessionOf(Path.of(source));
                for (TailEntry e : entries) {
                    if (contract != null && contract.broken(e) != null) {
                        show(evaluator.invalid(session, source, e.line(), e.line()), fired);
                    }
                    show(evaluator.add(e.event(), session, source, e.line()), fired);
                }
                return fired;
            }

            @Override
            public synchronized List<String> skipped(String source, long line, SkipReason reason) {
                List<String> fired = new ArrayList<>(0);
                if (contract != null && LineContract.of(reason) != null) {
                    show(evaluator.invalid(LogLayout.sessionOf(Path.of(source)), source, line, line), fired);
                }
                return fired;
            }

            private void show(List<Alert> alerts, List<String> fired) {
                for (Alert a : alerts) {
                    fired.add(AlertText.text(a));
                    if (bell != null && a.rule().actions().stream().anyMatch(x -> x.kind() == Rule.Action.Kind.BELL)) {
                        ring(bell);
                    }
                }
            }

            @Override
            public synchronized void restart() {
                evaluator = new Evaluator(rules, prices, now());
            }
        };
    }

    private static void ring(OutputStream out) {
        try {
            out.write(7);
            out.flush();
        } catch (IOException e) {
            // the terminal is gone: the notice is still on the screen's state
        }
    }

    /**
     * For a run: every action delivered, {@code log} as an alert entry of the run, {@code stop} before the next step.
     * The lines of {@code earlier} (a resumed session's log) are counted first, their alerts not delivered again, so
     * that the windows hold what a replay of the whole log holds (sigil's own log: the built-in formats).
     */
    static RunAlerts run(RuleSet rules, Prices prices, PrintWriter out, PrintWriter err, List<LogSource> earlier) throws IOException {
        RunRules r = new RunRules(rules, prices, out, err);
        ReportReader.each(earlier, dev.sigil.contract.format.FormatSet.builtIn(), new ReportReader.Lines() {
            @Override
            public void line(LogSource source, long number, LogEvent event) {
                r.evaluator.add(event, source.session(), "", ++r.entries);
            }

            @Override
            public void invalid(LogSource source, long number, String rule) {
                r.evaluator.invalid(source.session(), "", ++r.entries, r.entries);
            }
        }, r.evaluator.countsInvalid() ? new LineContract() : null);
        return r;
    }

    private static final class RunRules implements RunAlerts, Delivery.Out {
        private final Evaluator evaluator;
        private final Delivery delivery;
        private final PrintWriter out;
        private final PrintWriter err;
        private RunAlerts.Run run;
        private long entries;

        RunRules(RuleSet rules, Prices prices, PrintWriter out, PrintWriter err) {
            this.evaluator = new Evaluator(rules, prices, now());
            this.delivery = new Delivery(this);
            this.out = out;
            this.err = err;
        }

        @Override
        public void written(LogEvent entry, RunAlerts.Run to) {
            entries++;
            this.run = to;
            for (Alert a : evaluator.add(entry, entry.sessionId(), "", entries)) {
                delivery.deliver(a);
            }
        }

        @Override
        public void close() {
            delivery.close(DRAIN_MILLIS);
        }

        @Override
        public void stdout(String line) {
            synchronized (out) {
                out.println(TerminalText.visible(line));
                out.flush();
            }
        }

        @Override
        public void stderr(String line) {
            synchronized (err) {
                err.println(TerminalText.visible(line));
                err.flush();
            }
        }

        @Override
        public void note(String text) {
            stderr("sigil orchestrate: alerts: " + text);
        }

        @Override
        public void log(Alert a) {
            run.log(AlertEntry.message(a), AlertEntry.metadata(a));
        }

        @Override
        public void stop(Alert a) {
            run.stop("alert rule " + a.rule().name() + " fired (" + AlertEntry.message(a) + ")");
        }
    }
}
