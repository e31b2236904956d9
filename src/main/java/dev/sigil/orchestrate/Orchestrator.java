package dev.sigil.orchestrate;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import dev.sigil.contract.codec.PythonTimestamp;
import dev.sigil.contract.event.EventTime;
import dev.sigil.cost.UsagePricer;
import dev.sigil.log.ExecutionLogger;
import dev.sigil.log.LoggerSettings;
import dev.sigil.log.summary.UsageSummary;
import dev.sigil.orchestrate.execute.CommandExecutor;
import dev.sigil.orchestrate.execute.OfflineExecutor;
import dev.sigil.orchestrate.execute.StepExecutor;
import dev.sigil.prices.BundledPrices;
import dev.sigil.spend.Prices;
import dev.sigil.text.TerminalText;
import dev.sigil.tokens.AlertHandler;
import dev.sigil.tokens.ConsoleAlertHandler;
import dev.sigil.tokens.DollarBudget;
import dev.sigil.tokens.LogAlertHandler;
import dev.sigil.tokens.TokenCounter;
import dev.sigil.tokens.TokenTracker;
import dev.sigil.tokens.WarningLevel;

/**
 * Runs a pipeline for one session: opens the session's logger (which refuses a second writer), reads where an
 * earlier run stopped when resuming, wires the budget's alerts into the log, runs the steps, and at the end writes
 * tokens.json and metrics.json and closes the log. Every line goes through the logger, so every line is checked
 * against the contract before it is written.
 */
public final class Orchestrator {

    private final LoggerSettings settings;
    private final Clock clock;
    private final LongSupplier nanos;
    private final TokenCounter counter;
    private final PrintWriter err;
    private final boolean consoleAlerts;
    private final OfflineExecutor.Pause pause;
    private final Consumer<StepOutcome> listener;
    private final UsagePricer pricer;
    private RunAlerts alerts = RunAlerts.NONE;

    /**
     * @param settings where and how the log is written
     * @param clock the clock of the log's timestamps
     * @param nanos monotonic time for latencies
     * @param counter tokens of prompts and outputs
     * @param err where warnings (and budget alerts, if {@code consoleAlerts}) are printed
     * @param consoleAlerts print budget alerts on {@code err} as well as in the log
     * @param pause how the run waits (pacing, backoff); Thread::sleep in real runs
     * @param listener told of every step as it ends (the console's progress)
     */
    public Orchestrator(LoggerSettings settings, Clock clock, LongSupplier nanos, TokenCounter counter, PrintWriter err,
                        boolean consoleAlerts, OfflineExecutor.Pause pause, Consumer<StepOutcome> listener) {
        this(settings, clock, nanos, counter, err, consoleAlerts, pause, listener, new UsagePricer(BundledPrices::catalog));
    }

    /**
     * An orchestrator pricing its steps with {@code pricer} (the snapshot with the user's overrides; docs/cost.md): for
     * tokens.json's and metrics.json's cost and the dollar budget. The other parameters are as above.
     */
    public Orchestrator(LoggerSettings settings, Clock clock, LongSupplier nanos, TokenCounter counter, PrintWriter err,
                        boolean consoleAlerts, OfflineExecutor.Pause pause, Consumer<StepOutcome> listener, UsagePricer pricer) {
        this.pricer = pricer;
        this.settings = settings;
        this.clock = clock;
        this.nanos = nanos;
        this.counter = counter;
        this.err = err;
        this.consoleAlerts = consoleAlerts;
        this.pause = pause;
        this.listener = listener;
    }

    /** The alert rules told of every entry the runs write ({@code --rules}); set before {@link #open}. */
    public Orchestrator alerts(RunAlerts rules) {
        this.alerts = java.util.Objects.requireNonNull(rules);
        return this;
    }

    /** What the log of the session in {@code sessionDirectory} says about its earlier runs (read before a resume). */
    public static EarlierRun earlierRun(java.nio.file.Path sessionDirectory) throws IOException {
        ResumePoint point = ResumePoint.read(sessionDirectory, Map.of());
        return new EarlierRun(point.task(), point.pipeline(), point.finished());
    }

    /**
     * Opens the session's log; fails before anything runs if the session id is bad, the session is in use, or (unless
     * resuming) the session has run already ({@link dev.sigil.log.SessionExistsException}).
     */
    public Session open(OrchestrationRequest request) throws IOException {
        ExecutionLogger.Builder builder = ExecutionLogger.builder(settings).clock(clock).shutdownHook(false)
                .reporter(message -> warn(message)).monitoring(request.monitoring());
        if (!request.resume()) {
            builder.newSessionOnly(); // a second run in a session's log would mix two runs and their token totals
        }
        ExecutionLogger logger = builder.open(request.sessionId());
        return new Session(request, logger);
    }

    private void warn(String message) {
        synchronized (err) {
            // Warnings quote commands' stderr and file names: never let them drive the terminal.
            err.println("sigil orchestrate: " + TerminalText.visible(message));
            err.flush();
        }
    }

    /** A session whose log is open: {@link #run()} it once, then it is closed. */
    public final class Session implements AutoCloseable {
        private final OrchestrationRequest request;
        private final ExecutionLogger logger;
        private boolean closed;

        private Session(OrchestrationRequest request, ExecutionLogger logger) {
            this.request = request;
            this.logger = logger;
        }

        public java.nio.file.Path logFile() {
            return logger.logFile();
        }

        /** How texts of this session are redacted (the log's own rules, built once): for the {@code --output} document. */
        public java.util.function.UnaryOperator<String> redaction() {
            return logger.redaction();
        }

        /** Runs the pipeline to its end (or until the thread is interrupted) and closes the log. */
        public OrchestrationResult run() throws IOException {
            StepExecutor builtin = new OfflineExecutor(request.seed(), request.speed(), counter::count, pause);
            StepExecutor command = new CommandExecutor(request.pipeline().map(p -> p.baseDirectory())
                    .orElse(java.nio.file.Path.of("").toAbsolutePath()), counter::count);
            return run(builtin, command);
        }

        /** Runs the pipeline with these executors (built-in steps, command steps): the seam the tests use. */
        OrchestrationResult run(StepExecutor builtin, StepExecutor command) throws IOException {
            long started = nanos.getAsLong();
            OrchestrationRequest request = this.request;
            StepOutputs outputs = new StepOutputs(logger.sessionFiles(), logger.redaction());
            Prices prices = new Prices(pricer::usd, clock.getZone());
            SessionSums sums = new SessionSums(request.sessionId(), prices, EventTime.parse(PythonTimestamp.now(clock)));
            ResumePoint resume = request.resume() ? ResumePoint.read(logger.sessionDirectory(), outputs.read(), sums::add)
                    : ResumePoint.none();
            int runs = request.resume() ? resume.runs() : ResumePoint.runs(logger.sessionDirectory());
            if (request.task().isEmpty()) {
                // --resume without a TASK: the task of the run being continued
                request = new OrchestrationRequest(resume.task(), request.sessionId(), request.budget(), request.agent(), request.seed(),
                        request.speed(), request.pipeline(), request.resume(), request.trackTokens(), request.alerts(), request.monitoring());
            }
            SessionRecorder recorder = new SessionRecorder(logger, Orchestrator.this::warn, sums);
            recorder.alerts(alerts);
            List<AlertHandler> handlers = new ArrayList<>();
            if (request.alerts()) {
                handlers.add(new LogAlertHandler(recorder::budget));
                if (consoleAlerts) {
                    handlers.add(new ConsoleAlertHandler(err, "sigil orchestrate: "));
                }
            }
            TokenTracker tracker = new TokenTracker(request.budget(), handlers);
            StepRunner runner = new StepRunner(recorder, outputs, nanos, pause, Orchestrator.this::warn, request.sessionId(), request.task());
            DollarWatch dollars = new DollarWatch(request.budget().usd(), request.budget().thresholds(), sums,
                    dollarAlerts(request, recorder));
            PipelineRun run = new PipelineRun(request, recorder, tracker, runner, builtin, command, resume, nanos, listener,
                    "run-" + (runs + 1), dollars, documents(request));
            OrchestrationResult result;
            try {
                result = run.run();
            } finally {
                alerts.close();
            }
            // An interrupt that came after the last step has nothing left to stop; left set, it would make the
            // logger's close give up at once (an interrupted thread cannot wait) and lose the last lines and summaries.
            Thread.interrupted();
            String now = PythonTimestamp.now(clock);
            UsageSummary usage = SessionTally.usage(sums, request.budget().usd());
            // The summaries are for whoever watches the session: with monitoring off they are not written.
            logger.summaries(request.monitoring() ? SessionTally.tokenSummary(request.sessionId(), now, tracker.status(), usage) : null,
                    run.tally().metrics(request.sessionId(), now, (nanos.getAsLong() - started) / 1e9, usage));
            close();
            return result;
        }

        /** The dollar budget's alerts: in the log (unless alerts are off) and on stderr (unless the dashboard shows them). */
        private Consumer<DollarBudget.Alert> dollarAlerts(OrchestrationRequest request, SessionRecorder recorder) {
            return alert -> {
                if (!request.alerts()) {
                    return;
                }
                recorder.budget(alert.logEntry());
                if (consoleAlerts) {
                    synchronized (err) {
                        err.println("sigil orchestrate: " + (alert.level() == WarningLevel.EXCEEDED ? "error: " : "warning: ") + alert.message());
                        err.flush();
                    }
                }
            };
        }

        private SessionDocuments documents(OrchestrationRequest request) {
            if (!request.monitoring()) {
                return SessionDocuments.NONE;
            }
            return SessionDocuments.of(logger.sessionFiles(), request.sessionId(), logger.redaction().apply(request.task()),
                    request.agent(), request.pipeline().map(p -> p.name()).orElse(""), clock, Orchestrator.this::warn);
        }

        /** Flushes and closes the log (idempotent); what could not be written is reported on stderr. */
        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                logger.close();
            }
        }
    }
}
