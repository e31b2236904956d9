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
import dev.sigil.log.ExecutionLogger;
import dev.sigil.log.LoggerSettings;
import dev.sigil.orchestrate.execute.CommandExecutor;
import dev.sigil.orchestrate.execute.OfflineExecutor;
import dev.sigil.orchestrate.execute.StepExecutor;
import dev.sigil.text.TerminalText;
import dev.sigil.tokens.AlertHandler;
import dev.sigil.tokens.ConsoleAlertHandler;
import dev.sigil.tokens.LogAlertHandler;
import dev.sigil.tokens.TokenCounter;
import dev.sigil.tokens.TokenTracker;

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
        this.settings = settings;
        this.clock = clock;
        this.nanos = nanos;
        this.counter = counter;
        this.err = err;
        this.consoleAlerts = consoleAlerts;
        this.pause = pause;
        this.listener = listener;
    }

    /** What the log of the session in {@code sessionDirectory} says about its earlier runs (read before a resume). */
    public static EarlierRun earlierRun(java.nio.file.Path sessionDirectory) throws IOException {
        ResumePoint point = ResumePoint.read(sessionDirectory, Map.of());
        return new EarlierRun(point.task(), point.pipeline(), point.finished());
    }

    /** Opens the session's log; fails before anything runs if the session id is bad or the session is in use. */
    public Session open(OrchestrationRequest request) throws IOException {
        ExecutionLogger logger = ExecutionLogger.builder(settings).clock(clock).shutdownHook(false)
                .reporter(message -> warn(message)).monitoring(request.monitoring()).open(request.sessionId());
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
            StepOutputs outputs = new StepOutputs(logger.sessionDirectory(), logger.redaction());
            ResumePoint resume = request.resume() ? ResumePoint.read(logger.sessionDirectory(), outputs.read())
                    : ResumePoint.none();
            if (request.task().isEmpty()) {
                // --resume without a TASK: the task of the run being continued
                request = new OrchestrationRequest(resume.task(), request.sessionId(), request.budget(), request.agent(), request.seed(),
                        request.speed(), request.pipeline(), request.resume(), request.trackTokens(), request.alerts(), request.monitoring());
            }
            SessionRecorder recorder = new SessionRecorder(logger, Orchestrator.this::warn);
            List<AlertHandler> handlers = new ArrayList<>();
            if (request.alerts()) {
                handlers.add(new LogAlertHandler(recorder::budget));
                if (consoleAlerts) {
                    handlers.add(new ConsoleAlertHandler(err, "sigil orchestrate: "));
                }
            }
            TokenTracker tracker = new TokenTracker(request.budget(), handlers);
            StepRunner runner = new StepRunner(recorder, outputs, nanos, pause, Orchestrator.this::warn, request.sessionId(), request.task());
            PipelineRun run = new PipelineRun(request, recorder, tracker, runner, builtin, command, resume, nanos, listener,
                    documents(request));
            OrchestrationResult result = run.run();
            // An interrupt that came after the last step has nothing left to stop; left set, it would make the
            // logger's close give up at once (an interrupted thread cannot wait) and lose the last lines and summaries.
            Thread.interrupted();
            String now = PythonTimestamp.now(clock);
            // The summaries are for whoever watches the session: with monitoring off they are not written.
            logger.summaries(request.monitoring() ? SessionTally.tokenSummary(request.sessionId(), now, tracker.status()) : null,
                    run.tally().metrics(request.sessionId(), now, (nanos.getAsLong() - started) / 1e9));
            close();
            return result;
        }

        private SessionDocuments documents(OrchestrationRequest request) {
            if (!request.monitoring()) {
                return SessionDocuments.NONE;
            }
            return SessionDocuments.of(logger.sessionDirectory(), request.sessionId(), logger.redaction().apply(request.task()),
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
