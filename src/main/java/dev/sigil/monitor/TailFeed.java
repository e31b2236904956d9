package dev.sigil.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.sigil.layout.LogLayout;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.spend.Prices;
import dev.sigil.tail.OutOfMemoryWhileReading;
import dev.sigil.tail.TailEntry;
import dev.sigil.tail.TailEvent;
import dev.sigil.tail.TailOptions;
import dev.sigil.tail.Tailer;

/**
 * Runs a {@link Tailer} on its own thread and posts what it reports, as actions, to an {@link ActionQueue}; can
 * switch to another file (the session picker). Following, it polls until stopped; otherwise it reads to the end,
 * posts {@link MonitorAction.EndOfInput} and ends. Following, once it has caught up with the log it hands over at
 * most {@link #LIVE_LINES_PER_SECOND} lines a second, and says (a notice) when it is far behind the log
 * ({@link LiveRate}).
 */
public final class TailFeed implements AutoCloseable {

    private final ActionQueue queue;
    private final Clock clock;
    private final TailOptions options;
    private final boolean follow;
    private final FormatSet formats;
    private Tailer tailer;
    private Thread thread;
    private volatile boolean stopping;
    private boolean closed;
    /**
     * Smaller decode groups than {@code sigil tail}'s: fewer entries alive at once under the dashboard's small heap, so
     * fewer of them outlive a young collection (measured: 61 full collections of a 1M-line backlog with 1 MiB groups,
     * 24 with 256 KiB; docs/benchmarks.md).
     */
    static final int DECODE_GROUP_BYTES = 256 << 10;
    /** The parse-rate cap of seed 001 §10.3 while following a live log. */
    static final int LIVE_LINES_PER_SECOND = 10_000;
    /** How often the size of the log is looked at to say how far behind it the reader is. */
    private static final long LAG_CHECK_NANOS = 1_000_000_000L;

    private final int linesPerSecond;
    private LiveRate rate;
    private LogTarget current;
    private long lagCheckedAt;
    /** The backlog of the file read now (ADR 0165): how far its fold has come, or the part a checkpoint holds. */
    private volatile BacklogFeed backlogFeed = BacklogFeed.none();
    /**
     * Where the reader hands what it read while the backlog of the file read now is folded (ADR 0285), or null: the
     * reader posts by itself. Set on the reader's thread, closed by {@link #stop}.
     */
    private volatile FoldStage stage;

    public TailFeed(ActionQueue queue, Clock clock, Duration poll, int maxLineBytes, boolean follow) {
        this(queue, clock, poll, maxLineBytes, follow, FormatSet.builtIn(), LIVE_LINES_PER_SECOND);
    }

    /** A feed reading its logs in {@code formats} (docs/formats.md). */
    public TailFeed(ActionQueue queue, Clock clock, Duration poll, int maxLineBytes, boolean follow, FormatSet formats) {
        this(queue, clock, poll, maxLineBytes, follow, formats, LIVE_LINES_PER_SECOND);
    }

    TailFeed(ActionQueue queue, Clock clock, Duration poll, int maxLineBytes, boolean follow, FormatSet formats, int linesPerSecond) {
        this.formats = formats;
        this.linesPerSecond = linesPerSecond;
        this.queue = queue;
        this.clock = clock;
        this.options = TailOptions.defaults().withPollInterval(poll).withMaxLineBytes(maxLineBytes).withPartsFirst(true)
                .withEventsAhead(true).withDecodeGroupBytes(DECODE_GROUP_BYTES);
        this.follow = follow;
    }

    private AlertFeed alerts = AlertFeed.NONE;
    private Prices prices = Prices.NONE;
    private int foldEvents = FoldChunks.EVENTS;

    /** Prices the backlog's lines as the dashboard prices them (it is folded here, ADR 0205). Before {@link #start}. */
    public TailFeed pricing(Prices p) {
        this.prices = p;
        return this;
    }

    /** Folds the backlog in chunks of at most {@code events} events (tests: a backlog of a few chunks). */
    TailFeed foldingBy(int events) {
        this.foldEvents = events;
        return this;
    }

    /** The alert rules told of every line read; each alert they fire is posted as a notice. Before {@link #start}. */
    public TailFeed alerts(AlertFeed feed) {
        this.alerts = feed;
        return this;
    }

    /** Starts reading the target's file (nothing once closed). */
    public synchronized void start(LogTarget target) {
        if (closed) {
            return;
        }
        if (Files.exists(target.file())) {
            queue.post(new MonitorAction.SourceOpened(target.shown()));
        }
        current = target;
        alerts.restart(); // the new reader starts at the log's first line
        long backlog = backlog(target);
        rate = new LiveRate(linesPerSecond, backlog, System.nanoTime());
        backlogFeed = BacklogFeed.none();
        stage = null;
        Tailer t = new Tailer(target.sources(), options, this::onEvent, null, formats);
        Thread th = new Thread(() -> {
            // The log's end (or its checkpoint) is read here, not on the caller's thread: the terminal and the first
            // frame's classes are set up meanwhile on the other core (ADR 0180).
            BacklogFeed b = startBacklog(target, backlog);
            backlogFeed = b;
            if (b.passOverBelow() >= 0) {
                t.passOver(target.source().name(), b.passOverBelow()); // the checkpoint holds their fold
            }
            if (b.folding()) {
                // the fold on a thread of its own (ADR 0285); when it fails, reading stops as when the reader folded
                stage = new FoldStage(this::postNow, () -> stopping, e -> {
                    t.stop();
                    readingStopped(e);
                });
            }
            if (follow) {
                t.run();
            } else {
                t.readAll();
                FoldStage s = stage;
                if (s == null || s.drain()) {
                    queue.post(new MonitorAction.EndOfInput());
                }
            }
        }, "sigil-monitor-tail");
        th.setDaemon(true);
        th.setUncaughtExceptionHandler((x, e) -> readingStopped(e));
        stopping = false;
        tailer = t;
        thread = th;
        th.start();
    }

    /** Says that reading stopped, and why (on the thread that failed: the reader's, or the fold's stage). */
    private void readingStopped(Throwable e) {
        queue.post(new MonitorAction.Notice("reading stopped: "
                + (e instanceof OutOfMemoryWhileReading ? e.getMessage() : "internal error: " + e.getMessage())), () -> true);
    }

    /**
     * Stops the current file and follows the log of session {@code id} from its start (nothing once closed). Waits for
     * the old reader to end: call it off the render thread.
     */
    public synchronized void switchTo(String id, LogTarget target) {
        if (closed) {
            return;
        }
        stop();
        queue.post(new MonitorAction.SessionSwitched(id, target.shown()));
        start(target);
    }

    private void onEvent(TailEvent event) {
        if (!(follow && event instanceof TailEvent.Lines lines && !lines.entries().isEmpty())) {
            post(event);
            return;
        }
        // Following, a batch goes over in slices of a twentieth of a second at the cap, each paced.
        List<TailEntry> all = lines.entries();
        int slice = Math.max(1, linesPerSecond / 20);
        for (int from = 0; from < all.size(); from += slice) {
            List<TailEntry> part = all.subList(from, Math.min(all.size(), from + slice));
            boolean last = from + slice >= all.size();
            if (!post(all.size() <= slice ? event : new TailEvent.Lines(lines.source(), part)) || !pace(part, last)) {
                return;
            }
        }
    }

    /**
     * The log's end first (ADR 0165): the fold its checkpoint keeps, when the log is as it was then (the lines it
     * holds are then passed over), else its newest events, shown while the backlog is folded from the start. Only for
     * a log of one file (no rotated parts, no files read with it).
     */
    private BacklogFeed startBacklog(LogTarget target, long backlog) {
        if (target.companions().size() > 0 || backlog != size(target)) {
            return BacklogFeed.none();
        }
        LogEnd end = LogEnd.read(target.source(), target.shown(), options.maxLineBytes(), formats);
        if (end == null || end.lastOffset() < 0) {
            return BacklogFeed.none();
        }
        var kept = FoldCheckpoint.load(target.file(), end.checkpoint());
        if (kept.isPresent()) {
            // Their lines need not be decoded again, unless the alert rules must see them or a later line may restate a
            // model call one of them reported (the restatements are remembered while reading, not kept).
            boolean passOver = alerts == AlertFeed.NONE
                    && formats.named(kept.get().format()).map(f -> !f.restatesCalls()).orElse(false);
            queue.post(new MonitorAction.FoldRestored(kept.get()));
            return BacklogFeed.restored(end.size(), passOver);
        }
        queue.post(new MonitorAction.BacklogFound(end.size(), end.newest(), end.positions()));
        return BacklogFeed.folding(end.size(), end.lastOffset(), end.size() >= FoldCheckpoint.MIN_LOG_BYTES ? end.checkpoint() : "",
                new FoldChunks(prices, foldEvents, FoldChunks.BYTES));
    }

    /** Keeps the fold of the log followed now beside it (the dashboard's {@code KeepFold}); false when it cannot. */
    public boolean keep(String checkpoint, dev.sigil.monitor.state.SavedFold fold) {
        LogTarget t = current;
        return t != null && FoldCheckpoint.save(t.file(), checkpoint, fold);
    }

    /**
     * Posts what {@code event} means, or hands it to the fold's stage while the backlog is folded there and until it
     * has posted all it was handed (so that everything is posted in the order read); false when this file is no longer
     * followed.
     */
    private boolean post(TailEvent event) {
        FoldStage s = stage;
        if (s != null && (backlogFeed.folding() || !s.idle())) {
            return s.hand(event);
        }
        return postNow(event);
    }

    /** Posts what {@code event} means, on the reader's thread or the fold's stage; false when this file is no longer followed. */
    private boolean postNow(TailEvent event) {
        long now = clock.millis();
        for (MonitorAction a : backlogFeed.actions(event, now)) {
            if (stopping || !queue.post(a, () -> stopping)) {
                return false;
            }
        }
        List<String> fired = event instanceof TailEvent.Lines lines ? alerts.lines(lines.source(), lines.entries())
                : event instanceof TailEvent.Skipped skipped ? alerts.skipped(skipped.source(), skipped.line(), skipped.reason()) : List.of();
        for (String alert : fired) {
            if (stopping || !queue.post(new MonitorAction.Notice("alert: " + alert), () -> stopping)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The cap and the lag of {@link LiveRate} after {@code lines} went over (the lag looked at every second, and at the
     * end of what the reader read): waits on the reader's thread, so reading slows down, not the screen. False when
     * this file is no longer followed.
     */
    private boolean pace(List<TailEntry> lines, boolean endOfBatch) {
        long offset = lines.get(lines.size() - 1).offset();
        long nanos = System.nanoTime();
        if (nanos - lagCheckedAt >= LAG_CHECK_NANOS || endOfBatch) {
            lagCheckedAt = nanos;
            String notice = rate.lag(offset, size(current), nanos);
            if (!notice.isEmpty() && !queue.post(new MonitorAction.Notice(notice), () -> stopping)) {
                return false;
            }
        }
        long wait = rate.pauseMillis(lines.size(), offset, nanos);
        try {
            for (long end = System.nanoTime() + wait * 1_000_000; wait > 0 && !stopping && System.nanoTime() < end; ) {
                Thread.sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stopping;
    }

    /** The bytes to read before the reader has caught up: the log and the rotated parts it reads first. */
    private static long backlog(LogTarget target) {
        long total = size(target);
        Path file = target.file();
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || file.getFileName() == null) {
            return total;
        }
        Pattern parts = LogLayout.partsOf(file.getFileName().toString());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (parts.matcher(p.getFileName().toString()).matches()) {
                    total += Files.size(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the backlog is only the log then
        }
        return total;
    }

    private static long size(LogTarget target) {
        try {
            return Files.size(target.file());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Stops reading and waits for the reader thread to end. */
    public synchronized void stop() {
        if (tailer == null) {
            return;
        }
        stopping = true;
        tailer.stop();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        FoldStage s = stage;
        if (s != null) {
            s.close();
        }
        tailer.close();
        tailer = null;
        thread = null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        stop();
    }
}
