package dev.sigil.log;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

import dev.sigil.contract.codec.PythonTimestamp;
import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.ExecutionEntry;
import dev.sigil.contract.model.Metadata;
import dev.sigil.contract.validation.SchemaValidator;
import dev.sigil.layout.LogLayout;
import dev.sigil.layout.SessionId;
import dev.sigil.log.sanitize.Sanitizer;
import dev.sigil.log.summary.SessionMetrics;
import dev.sigil.log.summary.TokenSummary;

/**
 * The execution logger of one session: {@code log} only timestamps the entry and puts it in a bounded queue; a
 * writer thread sanitizes, validates, encodes and appends it to {@code sessions/<id>/execution.jsonl} in batches.
 * Thread-safe. {@link #close()} (or the JVM shutdown hook, on Ctrl-C or SIGTERM) writes everything still queued, then
 * tokens.json and metrics.json, and reports on stderr every entry that did not reach the log. Behaviour and
 * guarantees: docs/logging.md.
 */
public final class ExecutionLogger implements AutoCloseable {

    private final SessionId id;
    private final LogLayout layout;
    private final LoggerSettings settings;
    private final Clock clock;
    private final Reporter reporter;
    private final EntryQueue entries;
    private final LoggerCounters counters = new LoggerCounters();
    private final Sanitizer sanitizer;
    private final EntryPipeline checker;
    private final SessionLock lock;
    private final SafeDirectory files;
    private final Thread writer;
    private final Thread hook;
    private volatile TokenSummary tokens;
    private volatile SessionMetrics metrics;
    private LoggerStats finalStats;
    /** Whether metrics.json is written at close (off when monitoring is off: the losses still go to the reporter). */
    private final boolean metricsFile;

    ExecutionLogger(Builder b, SessionId id, LogLayout layout, SafeDirectory files, SessionLock lock, Segment segment,
                            ErrorLog errors) {
        this.id = id;
        this.layout = layout;
        this.files = files;
        this.settings = b.settings;
        this.clock = b.clock;
        this.reporter = b.reporter;
        this.lock = lock;
        this.metricsFile = b.monitoring;
        this.entries = new EntryQueue(settings, counters, reporter, id);
        this.sanitizer = settings.sanitize() ? Sanitizer.withExtraPatterns(settings.extraPatterns()) : null;
        SchemaValidator validator = SchemaValidator.executionEntry();
        this.checker = new EntryPipeline(sanitizer, validator);
        Consumer<Rejection> onRejected = b.onRejected != null ? b.onRejected
                : r -> reporter.report("session " + id + ": " + r.describe() + "; kept in " + errors.file());
        WriterLoop loop = new WriterLoop(entries.queue(), new EntryPipeline(sanitizer, validator), segment, errors, counters, reporter,
                onRejected, b.ticker, clock, settings);
        this.writer = new Thread(loop, "sigil-log-writer-" + id);
        writer.setDaemon(true);
        this.hook = b.shutdownHook ? new Thread(this::closeFromHook, "sigil-log-shutdown-" + id) : null;
    }

    /** A logger with the default clock, stderr reporting and a shutdown hook. */
    public static ExecutionLogger open(String sessionId, LoggerSettings settings) throws IOException {
        return builder(settings).open(sessionId);
    }

    public static Builder builder(LoggerSettings settings) {
        return new Builder(settings);
    }

    public SessionId sessionId() {
        return id;
    }

    public Path sessionDirectory() {
        return layout.sessionDirectory(id);
    }

    /**
     * The session directory as opened and checked when the logger opened ({@link SafeDirectory}): for the other files
     * of the session (the orchestrator's step outputs), written through the same handle. Closed with the logger.
     */
    public SafeDirectory sessionFiles() {
        return files;
    }

    public Path logFile() {
        return layout.executionLog(id);
    }

    /** Logs an event with no tokens and no metadata. */
    public boolean log(EventType type, Component component, String message) {
        return log(type, component, message, 0, Metadata.EMPTY);
    }

    /**
     * Logs an event, timestamped now by the logger's clock. Returns at once: the entry is validated and written by
     * the writer thread; an invalid entry goes to errors.jsonl and to the rejection listener.
     *
     * @return false if the entry was dropped (queue full, or the logger closed); the drop is counted and reported
     */
    public boolean log(EventType type, Component component, String message, long tokens, Metadata metadata) {
        return entries.offer(entry(type, component, message, tokens, metadata));
    }

    /**
     * Logs a ready-made entry (its timestamp is kept).
     *
     * @throws IllegalArgumentException if the entry belongs to another session
     */
    public boolean log(ExecutionEntry entry) {
        requireSession(entry);
        return entries.offer(entry);
    }

    /**
     * Sanitizes, validates and encodes on the caller's thread, then logs the line: for callers that want the error at
     * the call. The writer thread only appends the line (the entry is sanitized and checked once). The refused entry
     * is still kept in errors.jsonl.
     *
     * @return false if the entry was dropped (queue full, or the logger closed)
     * @throws InvalidEntryException naming each JSON pointer and rule, if the schema refuses the entry
     */
    public boolean logChecked(ExecutionEntry entry) {
        requireSession(entry);
        EntryPipeline.Outcome outcome;
        synchronized (checker) {
            outcome = checker.process(entry);
        }
        boolean queued = entries.offer(new WriterLoop.Processed(outcome));
        if (outcome instanceof EntryPipeline.Rejected rejected) {
            throw new InvalidEntryException(rejected.rejection());
        }
        return queued;
    }

    /**
     * How this logger redacts text ({@code logging.sanitize_logs} and its patterns): for other files of the session
     * (the orchestrator's step outputs, its {@code --output} document) to hide what the log hides, with the same
     * rules built once. The identity when sanitizing is off.
     */
    public UnaryOperator<String> redaction() {
        return sanitizer == null ? UnaryOperator.identity() : sanitizer::text;
    }

    /** An entry of this session timestamped now ({@code datetime.now().isoformat()} by the logger's clock). */
    public ExecutionEntry entry(EventType type, Component component, String message, long tokens, Metadata metadata) {
        return new ExecutionEntry(PythonTimestamp.now(clock), id.value(), type, component, message, tokens, metadata);
    }

    /** The summaries written at close as tokens.json and metrics.json (the orchestrator computes them). */
    public void summaries(TokenSummary tokens, SessionMetrics metrics) {
        this.tokens = tokens;
        this.metrics = metrics;
    }

    /**
     * Writes everything logged so far and waits for it (up to the close timeout).
     *
     * @return false if the writer did not finish in time (the entries stay queued and are written later)
     */
    public boolean flush() {
        WriterLoop.FlushRequest request = new WriterLoop.FlushRequest(new CountDownLatch(1));
        try {
            if (!entries.offerControl(request, settings.closeTimeout().toNanos())) {
                return entries.isClosed();
            }
            return request.done().await(settings.closeTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The counts so far; final once {@link #close()} has returned. */
    public LoggerStats stats() {
        synchronized (this) {
            if (finalStats != null) {
                return finalStats;
            }
        }
        return counters.snapshot();
    }

    private void requireSession(ExecutionEntry entry) {
        if (!entry.sessionId().equals(id.value())) {
            throw new IllegalArgumentException("an entry of session '" + entry.sessionId() + "' was given to the logger of session '" + id + "'");
        }
    }

    /**
     * Writes what is queued, then the summaries, and reports losses. Waits while the writer makes progress; gives up
     * after a close timeout without progress.
     */
    @Override
    public void close() {
        close(false);
    }

    private void closeFromHook() {
        close(true);
    }

    private synchronized void close(boolean fromHook) {
        if (finalStats != null) {
            return;
        }
        // Closing is how queued entries reach the disk: a caller whose thread was just interrupted (Ctrl-C) still
        // gets them written. The flag is set again before returning.
        boolean interrupted = Thread.interrupted();
        try {
            closeNow(fromHook);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeNow(boolean fromHook) {
        entries.shut(settings.closeTimeout().toNanos());
        stopWriter();
        entries.dropLeftovers();
        LoggerStats stats = counters.snapshot();
        writeSummaries(stats);
        try {
            lock.close();
        } catch (IOException e) {
            reporter.report("could not release the lock of session " + id + ": " + ErrorLog.cause(e));
        }
        closeQuietly(files);
        if (hook != null && !fromHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting; the hook will find the logger closed.
            }
        }
        if (!stats.clean()) {
            reporter.report(LossSummary.describe(id, stats, layout.sessionDirectory(id)));
        }
        finalStats = stats;
    }

    /**
     * Hands the writer the close marker and waits for it to finish. The wait has no fixed end while the writer makes
     * progress (a backlog is written, not abandoned); it ends when a whole close timeout passes without progress
     * (a hanging disk), and then the writer is interrupted and what it could not write is counted.
     */
    private void stopWriter() {
        long timeout = settings.closeTimeout().toNanos();
        try {
            long seen = -1;
            boolean queued = false;
            while (!queued && progress() != seen) {
                seen = progress();
                queued = entries.offerClose(timeout);
            }
            seen = -1;
            while (queued && writer.isAlive() && progress() != seen) {
                seen = progress();
                writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeout)));
            }
            if (writer.isAlive()) {
                reporter.report("session " + id + ": the log writer made no progress for " + settings.closeTimeout().toMillis()
                        + " ms (is the disk hanging?); stopping it, and counting what it could not write");
                writer.interrupt();
                writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeout)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long progress() {
        LoggerStats s = counters.snapshot();
        return s.accepted() + s.written() + s.unwritten() + s.unconfirmed() + s.rejected() + s.rotations();
    }

    /**
     * On the writer thread, once a new log replaced one deleted during the run: counted, kept in errors.jsonl,
     * reported, and logged as an {@code error} entry at the start of the new log (seed 001 §9.3).
     */
    void lostLog(LostLog lost, ErrorLog errors) {
        counters.deleted.addAndGet(lost.entries());
        errors.logDeleted(lost, PythonTimestamp.now(clock));
        String held = lost.entries() + " entries (" + lost.bytes() + " bytes, " + lost.tokens() + " tokens)";
        reporter.report("session " + id + ": " + lost.file() + " was deleted (or renamed away) during the run; created it again "
                + "and went on; the deleted file held " + held + ", counted in metrics.json and errors.jsonl");
        log(EventType.ERROR, Component.ORCHESTRATOR, "the execution log was deleted during the run and created again; the deleted "
                + "file held " + held, 0, Metadata.builder().put("error", "log file missing: " + lost.file().getFileName())
                .put("error_type", "FileNotFoundError").put("lost_entries", lost.entries()).put("lost_bytes", lost.bytes())
                .put("lost_tokens", lost.tokens()).build());
    }

    /** Each summary on its own: one the disk refuses does not keep the other (metrics.json has the logger's counts). */
    private void writeSummaries(LoggerStats stats) {
        TokenSummary t = tokens;
        if (t != null) {
            try {
                SummaryFiles.writeTokens(files, t, settings.fsync());
            } catch (IOException | RuntimeException e) {
                reporter.report("session " + id + ": could not write " + files.resolve(LogLayout.TOKENS) + ": " + e.getMessage());
            }
        }
        if (metricsFile) {
            try {
                SummaryFiles.writeMetrics(files, metrics, id.value(), PythonTimestamp.now(clock), stats, settings.fsync());
            } catch (IOException | RuntimeException e) {
                reporter.report("session " + id + ": could not write " + files.resolve(LogLayout.METRICS) + ": " + e.getMessage());
            }
        }
    }

    static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // a directory handle has nothing to lose on close
        }
    }

    void start() {
        writer.start();
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /** Builds a logger; everything but the settings has a production default. */
    public static final class Builder {
        final LoggerSettings settings;
        Clock clock = Clock.systemDefaultZone();
        LongSupplier ticker = System::nanoTime;
        Reporter reporter = Reporter.stderr();
        Consumer<Rejection> onRejected;
        ChannelOpener opener = ChannelOpener.DEFAULT;
        boolean shutdownHook = true;
        boolean monitoring = true;
        boolean newOnly;

        private Builder(LoggerSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** The clock of the entries' timestamps (local wall time of its zone). */
        public Builder clock(Clock v) { clock = Objects.requireNonNull(v); return this; }
        /** The monotonic nanosecond source of the flush timing. */
        public Builder ticker(LongSupplier v) { ticker = Objects.requireNonNull(v); return this; }
        /** Where problems are reported (default: stderr). */
        public Builder reporter(Reporter v) { reporter = Objects.requireNonNull(v); return this; }
        /** Called on the writer thread for each rejected entry (default: report it). */
        public Builder onRejected(Consumer<Rejection> v) { onRejected = Objects.requireNonNull(v); return this; }
        /** Whether a JVM shutdown hook closes the logger (default: yes). */
        public Builder shutdownHook(boolean v) { shutdownHook = v; return this; }
        /**
         * Whether the files monitors read are written beside the log: {@code current.jsonl} and {@code metrics.json}
         * (default: yes). Off ({@code SIGIL_ENABLE_MONITORING=false}), the session holds its log alone.
         */
        public Builder monitoring(boolean v) { monitoring = v; return this; }
        /**
         * Refuse a session whose log already holds entries (a rotated part, a non-empty execution.jsonl, step outputs):
         * {@link SessionExistsException}, before anything is written. For a caller that starts a new run, not one
         * that continues the session.
         */
        public Builder newSessionOnly() { newOnly = true; return this; }
        Builder channelOpener(ChannelOpener v) { opener = Objects.requireNonNull(v); return this; }

        /**
         * Opens the session: validates the id (before touching any file), creates the directories, takes the session
         * lock, opens the log and points current.jsonl at it.
         *
         * @throws IllegalArgumentException for an invalid session id
         * @throws SessionLockedException if another logger writes the session
         * @throws UnsafePathException if a symbolic link sits where sigil would write, or a directory from the log
         *         root down is not the user's or others may write in it, or a file there is another user's or has
         *         more than one name
         * @throws SessionExistsException with {@link #newSessionOnly()}, if the session has entries already
         */
        public ExecutionLogger open(String sessionId) throws IOException {
            return SessionOpening.open(this, sessionId);
        }
    }
}
