package dev.sigil.alerts;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.sigil.contract.event.EventTime;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.layout.LogLayout;
import dev.sigil.report.ReportReader;
import dev.sigil.spend.Prices;
import dev.sigil.tail.FileTailSource;
import dev.sigil.tail.LineContract;
import dev.sigil.tail.TailEntry;
import dev.sigil.tail.TailEvent;
import dev.sigil.tail.TailOptions;
import dev.sigil.tail.Tailer;

/**
 * Follows logs through the rules and delivers what fires, as {@code sigil alerts watch} does. Each log is read from
 * its first line (its rotated parts first), so that its windows are what a replay gives; the alerts of the lines a
 * previous watch already delivered are not delivered again: how many lines of each log were delivered is kept beside
 * it ({@link LogLayout#alertsStateOf}), written after each batch. Polled on one thread; not thread-safe.
 */
public final class Watch implements Closeable {

    /** Where the actions print, and where what happens to the files is said (a skipped line, a rotation). */
    public interface Out extends Delivery.Out {
    }

    /** One log followed: its session, the lines seen, and how many of them a previous watch delivered. */
    private static final class Followed {
        final Path log;
        final Path state;
        final String session;
        final long delivered;
        final long deliveredMerged;
        long seen;
        WatchState saved;
        long newest = Evaluator.SessionClock.NONE;
        long activeNanos;

        Followed(Path log, WatchState saved) {
            this.log = log;
            this.state = LogLayout.alertsStateOf(log);
            this.session = LogLayout.sessionOf(log);
            this.delivered = saved.lines();
            this.deliveredMerged = saved.mergedLines();
            this.saved = saved;
        }
    }

    /** How long a log that stopped growing holds back the rules over all sessions (wall time). */
    static final long SETTLE_NANOS = 2_000_000_000L;

    private final Evaluator evaluator;
    private final Out out;
    private final Delivery delivery;
    private final TailOptions options;
    private final FormatSet formats;
    private final LineContract contract;
    private final Map<String, Followed> logs = new LinkedHashMap<>();
    private final List<Tailer> tailers = new ArrayList<>();
    private long alerts;

    /** Following logs read in {@code formats} (docs/formats.md), as the replay reads them. */
    public Watch(RuleSet rules, FormatSet formats, Prices prices, EventTime undated, Duration interval, Out out) {
        this.evaluator = new Evaluator(rules, prices, undated).merging();
        this.formats = formats;
        this.contract = evaluator.countsInvalid() ? new LineContract() : null;
        this.out = out;
        this.delivery = new Delivery(new LogWriting(out));
        this.options = TailOptions.defaults().withPollInterval(interval).withPartsFirst(true).withEventsAhead(true)
                .withMaxLineBytes(ReportReader.MAX_LINE_BYTES); // the replay's bound: the same lines are read live
    }

    /** Starts following those of {@code files} not followed yet; returns how many were new. */
    public int follow(List<Path> files) throws IOException {
        List<FileTailSource> sources = new ArrayList<>();
        for (Path f : files) {
            String name = f.toString();
            if (!logs.containsKey(name)) {
                Followed followed = new Followed(f, WatchState.read(LogLayout.alertsStateOf(f)));
                followed.activeNanos = System.nanoTime(); // a log not read yet may hold lines older than the others'
                logs.put(name, followed);
                sources.add(new FileTailSource(f, name));
            }
        }
        if (!sources.isEmpty()) {
            tailers.add(new Tailer(sources, options, this::onEvent, null, formats));
        }
        return sources.size();
    }

    /** One look at every log; returns the bytes read. */
    public long poll() {
        long read = 0;
        for (Tailer t : tailers) {
            read += t.poll();
        }
        release(watermark(System.nanoTime()));
        return read;
    }

    /** Reads every log to its end once (its unfinished last line included), without following. */
    public void readAll() {
        tailers.forEach(Tailer::readAll);
        release(Long.MAX_VALUE);
    }

    /**
     * Before when the lines held for the rules over all sessions can be folded: the oldest newest time of the logs
     * that grew (or were found) in the last {@link #SETTLE_NANOS} (a log that grows writes nothing older than its
     * newest time, a quiet one holds nothing back); none did: every held line.
     */
    private long watermark(long nanos) {
        long mark = Long.MAX_VALUE;
        for (Followed f : logs.values()) {
            if (nanos - f.activeNanos < SETTLE_NANOS) {
                mark = Math.min(mark, f.newest);
            }
        }
        return mark;
    }

    private void release(long before) {
        long late = evaluator.late();
        for (AcrossSessions.Released r : evaluator.release(before)) {
            Followed f = logs.get(r.alert().file());
            if (r.key().ordinal() > f.deliveredMerged) {
                deliver(r.alert());
                f.saved = f.saved.firing(r.alert());
            }
        }
        if (evaluator.late() > late) {
            out.note((evaluator.late() - late) + " lines evaluated by the rules over all sessions after later lines of other logs"
                    + " (they came after their log was quiet for 2 s); a replay places them earlier");
        }
        Map<String, Long> held = evaluator.heldFrom();
        logs.values().forEach(f -> save(f, held));
    }

    /** Alerts delivered so far. */
    public long alerts() {
        return alerts;
    }

    private void onEvent(TailEvent event) {
        if (event instanceof TailEvent.Skipped skipped) {
            out.note(skipped.source() + ":" + skipped.line() + ": skipped: " + skipped.detail());
            if (contract != null && LineContract.of(skipped.reason()) != null) {
                invalid(logs.get(skipped.source()), skipped.line());
            }
            return;
        }
        if (event instanceof TailEvent.FileChanged changed) {
            out.note(changed.source() + ": " + changed.change().name().toLowerCase(java.util.Locale.ROOT)
                    + (changed.detail().isEmpty() ? "" : ": " + changed.detail()));
            return;
        }
        TailEvent.Lines lines = (TailEvent.Lines) event;
        Followed f = logs.get(lines.source());
        for (TailEntry entry : lines.entries()) {
            if (contract != null && contract.broken(entry) != null) {
                invalid(f, entry.line());
            }
            f.seen++;
            for (Alert a : evaluator.add(entry.event(), f.session, f.log.toString(), entry.line(), f.seen)) {
                if (f.seen > f.delivered) {
                    deliver(a);
                    f.saved = f.saved.firing(a);
                }
            }
            f.newest = Math.max(f.newest, evaluator.lastKey().micros());
        }
        f.activeNanos = System.nanoTime();
    }

    /** A line of {@code f} that fails the contract, told to the rules as the replay tells them (docs/alerts.md §2). */
    private void invalid(Followed f, long number) {
        f.seen++;
        for (Alert a : evaluator.invalid(f.session, f.log.toString(), number, f.seen)) {
            if (f.seen > f.delivered) {
                deliver(a);
                f.saved = f.saved.firing(a);
            }
        }
        f.newest = Math.max(f.newest, evaluator.lastKey().micros());
    }

    private void deliver(Alert a) {
        alerts++;
        delivery.deliver(a);
    }

    /**
     * Writes how many of the log's lines had their alerts delivered: those seen, but not from the first line still
     * held for the rules over all sessions (its alerts are not known yet: a restart delivers them then).
     */
    private void save(Followed f, Map<String, Long> heldFrom) {
        if (f.seen <= Math.min(f.delivered, f.deliveredMerged)) {
            return;
        }
        long merged = -1;
        if (evaluator.acrossSessions()) {
            long held = heldFrom.getOrDefault(f.log.toString(), f.seen + 1) - 1;
            merged = Math.max(f.deliveredMerged, Math.min(f.seen, held));
        }
        long lines = Math.max(f.delivered, f.seen);
        if (lines == f.saved.lines() && merged == f.saved.merged()) {
            return;
        }
        f.saved = f.saved.withLines(lines, merged);
        try {
            f.saved.write(f.state, f.log.getFileName().toString());
        } catch (ClosedByInterruptException e) {
            // stopped while writing (Ctrl-C): the state on disk is the previous one, so a restart delivers these again
        } catch (IOException e) {
            throw new UncheckedIOException(f.state + ": cannot write the watch's state: " + e.getMessage(), e);
        }
    }

    /** Stops following; the commands and webhooks still queued get up to a minute to be delivered. */
    @Override
    public void close() {
        tailers.forEach(Tailer::close);
        delivery.close();
    }
}
