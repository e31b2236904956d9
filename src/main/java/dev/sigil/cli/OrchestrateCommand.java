package dev.sigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import dev.sigil.config.ConfigInputs;
import dev.sigil.config.ConfigKeys;
import dev.sigil.config.SigilConfig;
import dev.sigil.cost.UsagePricer;
import dev.sigil.layout.LogLayout;
import dev.sigil.layout.SessionId;
import dev.sigil.log.LoggerSettings;
import dev.sigil.log.SessionExistsException;
import dev.sigil.log.SessionLockedException;
import dev.sigil.log.UnsafePathException;
import dev.sigil.monitor.DashboardMonitor;
import dev.sigil.monitor.LogLocator;
import dev.sigil.monitor.LogSnapshot;
import dev.sigil.monitor.LogTarget;
import dev.sigil.monitor.MonitorOptions;
import dev.sigil.monitor.MonitorPidFile;
import dev.sigil.monitor.view.Display;
import dev.sigil.orchestrate.EarlierRun;
import dev.sigil.orchestrate.OrchestrationRequest;
import dev.sigil.orchestrate.OrchestrationResult;
import dev.sigil.orchestrate.Orchestrator;
import dev.sigil.orchestrate.OutputDocument;
import dev.sigil.orchestrate.pipeline.PipelineDefinition;
import dev.sigil.orchestrate.pipeline.PipelineFileException;
import dev.sigil.orchestrate.pipeline.PipelineLoader;
import dev.sigil.spend.Prices;
import dev.sigil.tail.TailOptions;
import dev.sigil.text.TerminalText;
import dev.sigil.tokens.BudgetPlan;
import dev.sigil.tokens.TokenCounter;
import dev.sigil.tokens.TokenEncoding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sigil orchestrate}: runs a pipeline under a token budget and writes its execution log. */
@Command(name = "orchestrate",
        description = {
            "Run a task through the pipeline under a token budget, writing its log.",
            "The steps (routing, planning, memory, the plan's steps, contract validation,",
            "verification, memory extraction) write every event to",
            "sessions/<id>/execution.jsonl, each line checked against the contract.",
            "Without --pipeline the built-in offline executor runs every step:",
            "no network, deterministic for a task and --seed, tokens counted with tiktoken's",
            "encodings. Without --session the session id is sess_ and 12 hex digits."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the pipeline completed", "1:it completed with failed steps, or failed",
            "2:bad arguments or configuration, or the session is in use", "3:the token or dollar budget ran out",
            "4:an alert rule with the stop action fired (--rules)", "130:interrupted (Ctrl-C)"})
final class OrchestrateCommand implements Callable<Integer> {

    @ParentCommand
    SigilCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    SessionOptions logs;

    @Mixin
    OtlpOptions otlp;

    @Parameters(paramLabel = "TASK", arity = "0..*", description = "What to do, e.g. \"Qualify this lead: John Smith from Acme Corp\" (words are joined by spaces; may be left out with --resume).")
    List<String> taskWords = new ArrayList<>();

    @Option(names = {"-t", "--task"}, paramLabel = "TEXT", description = "The task, as an option (seed 000's form): the same as TASK.")
    String taskOption;

    @Option(names = {"-b", "--budget"}, paramLabel = "N", description = "Token budget (default: token_budget.default_total, 256,000).")
    String budget;

    @Option(names = "--budget-usd", paramLabel = "USD", description = "Dollar budget beside the token budget, e.g. 5 or 12.50 (default: token_budget.usd, none): the same warning levels, and no step starts once it is reached.")
    String budgetUsd;

    @Mixin
    PriceOptions prices;

    @Option(names = {"-a", "--agent"}, paramLabel = "NAME", description = "Agent to run the task (recorded in the log).")
    String agent;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Also write the result as JSON to FILE.")
    Path output;

    @Option(names = {"-v", "--verbose"}, description = "Print every step as it ends, and the log's path.")
    boolean verbose;

    @Option(names = {"-m", "--monitor"}, description = "Show the live dashboard in this terminal while the pipeline runs; it stays when the run ends until q, Esc or Enter, then the final summary. q while the run goes on asks before stopping it; d detaches (the run goes on).")
    boolean monitor;

    @Option(names = "--exit-when-done", description = "With --monitor: close the dashboard by itself when the run ends (for scripts).")
    boolean exitWhenDone;

    @Option(names = "--pipeline", paramLabel = "FILE", description = "Run the steps of this pipeline file (YAML or JSON, see docs/orchestrate.md) instead of the built-in pipeline.")
    Path pipeline;

    @Option(names = "--resume", description = "Continue the session given with --session: skip the steps its log shows completed.")
    boolean resume;

    @Option(names = "--speed", paramLabel = "FACTOR", description = "Pace of the built-in executor: its waits are multiplied by FACTOR (default 1, a run of 10-20 s; 0 = no waiting).")
    double speed = 1.0;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Alert rules evaluated on every entry the run writes, their actions delivered; a rule with the stop action stops the run before its next step (exit 4). docs/alerts.md.")
    Path rules;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the built-in executor's text (default 0).")
    long seed;

    @Option(names = {"-e", "--encoding"}, paramLabel = "NAME", description = "Token encoding: cl100k_base (default) or o200k_base, ...")
    String encoding = "cl100k_base";

    /** How texts from the task and the steps are redacted in the --output document (as in the log). */
    private UnaryOperator<String> redaction = UnaryOperator.identity();

    @Override
    public Integer call() throws Exception {
        Environment env = root.environment();
        Optional<SessionId> given = logs.sessionId();
        if (resume && given.isEmpty()) {
            throw UserError.usage("--resume needs --session ID (the session to continue)");
        }
        if (taskOption != null && !taskWords.isEmpty()) {
            throw UserError.usage("give the task once: as TASK or with --task, not both");
        }
        String task = (taskOption != null ? taskOption : String.join(" ", taskWords)).strip();
        if (task.isEmpty() && !resume) {
            throw UserError.usage("give the TASK to run, e.g. sigil orchestrate \"Summarise the quarterly report\"");
        }
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw UserError.usage("--speed must be a number >= 0, not " + speed);
        }
        TokenEncoding tokenEncoding = TokenEncoding.fromName(encoding)
                .orElseThrow(() -> UserError.usage("--encoding must be one of " + TokenEncoding.names() + ", not '" + encoding + "'"));
        LogOptions.Logs found = logs.logs(env, flags());
        SigilConfig cfg = found.loaded().config();
        Optional<PipelineDefinition> definition = loadPipeline();
        SessionId id = given.orElseGet(() -> SessionId.generate(new SecureRandom()));
        String sessionId = id.value();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean dashboard = (monitor || cfg.stream().monitorByDefault()) && env.stdoutTerminal() && cfg.features().monitoring();
        OrchestrateConsole console = new OrchestrateConsole(out, verbose && !dashboard);
        LoggerSettings settings = LoggerSettingsFromConfig.of(cfg.logging());
        UsagePricer pricer = prices.pricer(env, spec);
        Orchestrator orchestrator = new Orchestrator(settings, Clock.systemDefaultZone(), System::nanoTime,
                TokenCounter.of(tokenEncoding), err, !dashboard, Thread::sleep, console::step, pricer);
        if (rules != null) {
            orchestrator.alerts(LiveRules.run(LiveRules.load(env, spec, rules), prices.prices(env, spec), out, err,
                    resume ? dev.sigil.report.ReportSources.ofSession(found.layout(), id) : java.util.List.of()));
        }
        OrchestrationRequest request = new OrchestrationRequest(task, sessionId, BudgetPlan.of(cfg.tokenBudget()), agent, seed, speed,
                definition, resume, cfg.features().tokenTracking(), cfg.features().budgetAlerts(),
                cfg.features().monitoring());
        String shownTask = task;
        if (resume) {
            Optional<EarlierRun> earlier = earlierRun(found.layout(), id, definition, out);
            if (earlier.isEmpty()) {
                return ExitCode.OK;
            }
            shownTask = task.isEmpty() ? earlier.get().task() : task;
        }
        if (otlp.enabled()) {
            LiveExport.check(otlp, env); // a bad --otlp stops before the session is opened
        }
        Orchestrator.Session run = open(orchestrator, request);
        redaction = run.redaction();
        console.starting(shownTask, sessionId, run.logFile().toString(), resume);
        LiveExport live = !otlp.enabled() ? null : LiveExport.start(otlp, env, List.of(new dev.sigil.tail.FileTailSource(run.logFile())), spec, dashboard, pricer);
        OrchestrationResult result = dashboard ? withDashboard(run, env, found, console, new Prices(pricer::usd, ZoneId.systemDefault()))
                : runHere(run, console);
        if (live != null) {
            live.end();
        }
        return switch (result.status()) {
            case COMPLETED -> ExitCode.OK;
            case COMPLETED_WITH_FAILURES, FAILED -> ExitCode.FINDINGS;
            case BUDGET_EXHAUSTED -> ExitCode.BUDGET_EXHAUSTED;
            case ALERT_STOPPED -> ExitCode.ALERT_STOPPED;
            case INTERRUPTED -> ExitCode.INTERRUPTED;
        };
    }

    /**
     * What the session's log says about its earlier runs, once checked that it can be resumed as asked: with the
     * pipeline it ran (resuming with another would run other steps in the same session). Empty, after saying so, when
     * the session has nothing left to resume.
     */
    private static Optional<EarlierRun> earlierRun(LogLayout layout, SessionId id, Optional<PipelineDefinition> definition, PrintWriter out)
            throws IOException {
        String sessionId = id.value();
        Path log = layout.executionLog(id);
        if (!java.nio.file.Files.exists(log)) {
            throw UserError.usage("no session '" + sessionId + "' to resume: " + log + " does not exist"
                    + new LogLocator(layout, layout.root().toString()).knownSessions(sessionId));
        }
        EarlierRun earlier = Orchestrator.earlierRun(log.getParent());
        if (earlier.finished()) {
            out.println(TerminalText.visible("Session " + sessionId + " completed earlier: nothing to resume (its log: " + log + ")."));
            if (!java.nio.file.Files.exists(log.resolveSibling(LogLayout.TOKENS))
                    || !java.nio.file.Files.exists(log.resolveSibling(LogLayout.METRICS))) {
                // A run stopped between its last entry and its summaries: say so rather than leave the gap unexplained.
                out.println("It was stopped before it wrote " + LogLayout.TOKENS + " and " + LogLayout.METRICS
                        + "; its log holds every entry (sigil monitor --session " + sessionId + " --no-follow shows its totals).");
            }
            out.flush();
            return Optional.empty();
        }
        String now = definition.map(PipelineDefinition::name).orElse("");
        if (!earlier.pipeline().equals(now)) {
            String ran = "session '" + sessionId + "' ran ";
            throw UserError.usage(earlier.pipeline().isEmpty() ? ran + "the built-in pipeline: resume it without --pipeline"
                    : now.isEmpty() ? ran + "the pipeline '" + earlier.pipeline() + "': resume it with --pipeline and that pipeline's file"
                    : ran + "the pipeline '" + earlier.pipeline() + "', not '" + now + "'");
        }
        return Optional.of(earlier);
    }

    private List<ConfigInputs.Flag> flags() {
        List<ConfigInputs.Flag> flags = new ArrayList<>();
        if (budget != null) {
            flags.add(new ConfigInputs.Flag("token_budget.default_total", budget.replace(",", "").replace("_", ""), "--budget"));
        }
        if (budgetUsd != null) {
            flags.add(new ConfigInputs.Flag(ConfigKeys.BUDGET_USD.name(), budgetUsd.replace(",", ""), "--budget-usd"));
        }
        return flags;
    }

    private Optional<PipelineDefinition> loadPipeline() {
        if (pipeline == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PipelineLoader().load(pipeline));
        } catch (PipelineFileException e) {
            throw UserError.usage("--pipeline " + e.getMessage());
        }
    }

    private static Orchestrator.Session open(Orchestrator orchestrator, OrchestrationRequest request) {
        try {
            return orchestrator.open(request);
        } catch (SessionLockedException | UnsafePathException e) {
            throw UserError.usage(e.getMessage());
        } catch (SessionExistsException e) {
            throw UserError.usage(e.getMessage() + ": continue it with --resume (sigil orchestrate --session " + e.sessionId()
                    + " --resume), or start a new session: leave out --session (a new id is made) or give an id not used yet");
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        } catch (IOException e) {
            throw UserError.usage("cannot open the session's log: " + e.getMessage());
        }
    }

    /** Runs on this thread, guarded against Ctrl-C and SIGTERM ({@link InterruptGuard}). */
    @SuppressWarnings("try") // the guard works by being open; the body never needs it
    private OrchestrationResult runHere(Orchestrator.Session run, OrchestrateConsole console) throws IOException {
        try (InterruptGuard guard = new InterruptGuard(Thread.currentThread(), run::close)) {
            OrchestrationResult result = run.run();
            report(result, console);
            return result;
        }
    }

    private void report(OrchestrationResult result, OrchestrateConsole console) throws IOException {
        report(result, console, false);
    }

    private void report(OrchestrationResult result, OrchestrateConsole console, boolean afterSummary) throws IOException {
        console.finished(result, afterSummary);
        if (output != null) {
            OutputDocument.write(output, result, redaction);
        }
    }

    /**
     * The pipeline on a worker thread, the dashboard in front. The dashboard stays after the run ends until the user
     * leaves (unless {@code --exit-when-done}); leaving while the run goes on stops it (after the dashboard asked),
     * detaching lets it finish here. Then the run's own final summary, read from its log, whichever session the
     * dashboard showed last.
     */
    @SuppressWarnings("try") // the guard works by being open; the body never needs it
    private OrchestrationResult withDashboard(Orchestrator.Session run, Environment env, LogOptions.Logs found, OrchestrateConsole console,
                                              Prices linePrices) throws Exception {
        AtomicReference<OrchestrationResult> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.set(run.run());
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.complete(null);
            }
        }, "sigil-pipeline");
        try (InterruptGuard guard = new InterruptGuard(worker, run::close)) {
            worker.start();
            LogLocator locator = new LogLocator(found.layout(), found.rootText());
            SigilConfig cfg = found.loaded().config();
            Duration refresh = Duration.ofNanos((long) (1e9 / cfg.monitoring().refreshRateHz()));
            LogTarget own = locator.path(run.logFile().toString());
            MonitorOptions options = new MonitorOptions(own, MonitorOptions.Mode.DASHBOARD, "",
                    cfg.logging().level(), refresh, true, !env.noColor(), true, TailOptions.DEFAULT_MAX_LINE_BYTES,
                    Display.of(cfg.monitoring()));
            DashboardMonitor.Outcome outcome;
            PrintWriter err = spec.commandLine().getErr();
            try (MonitorPidFile pid = MonitorPidFile.register(found.layout(), LogLayout.sessionOf(run.logFile()),
                    warning -> err.println("sigil orchestrate: " + TerminalText.visible(warning)))) {
                outcome = new DashboardMonitor(options, locator, Clock.systemDefaultZone(), linePrices)
                        .run(new DashboardMonitor.Attach(done, exitWhenDone));
            }
            if (!done.isDone()) {
                if (outcome.detached()) {
                    console.detached(run.logFile().toString());
                } else {
                    worker.interrupt();
                }
            }
            worker.join();
            if (failure.get() instanceof Exception e) {
                throw e;
            }
            if (failure.get() != null) {
                throw new IllegalStateException(failure.get());
            }
            // an interrupted run gets the console's own closing block ("EXECUTION INTERRUPTED"), not the monitor's
            String summary = result.get().status() == OrchestrationResult.Status.INTERRUPTED ? ""
                    : LogSnapshot.finalSummary(own, TailOptions.DEFAULT_MAX_LINE_BYTES, System.currentTimeMillis(), linePrices);
            PrintWriter out = spec.commandLine().getOut();
            out.print(summary);
            out.flush();
            report(result.get(), console, !summary.isEmpty());
            return result.get();
        }
    }
}
