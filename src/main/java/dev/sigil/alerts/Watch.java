package dev.sigil.alerts;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        long seen;
        WatchState saved;

        Followed(Path log, WatchState saved) {
            this.log = log;
            this.state = LogLayout.alertsStateOf(log);
            this.session = LogLayout.sessionOf(log);
            this.delivered = saved.lines();
            this.saved = saved;
        }
    }

    private final Evaluator evaluator;
    private final Out out;
    private final Delivery delivery;
    private final TailOptions options;
    private final FormatSet formats;
    private final Map<String, Followed> logs = new LinkedHashMap<>();
    private final List<Tailer> tailers = new ArrayList<>();
    private long alerts;

    /** Following logs read in {@code formats} (docs/formats.md), as the replay reads them. */
    public Watch(RuleSet rules, FormatSet formats, Prices prices, EventTime undated, Duration interval, Out out) {
        this.evaluator = new Evaluator(rules, prices, undated);
        this.formats = formats;
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
                logs.put(name, new Followed(f, WatchState.read(LogLayout.alertsStateOf(f))));
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
        return read;
    }

    /** Reads every log to its end once (its unfinished last line included), without following. */
    public void readAll() {
        tailers.forEach(Tailer::readAll);
    }

    /** Alerts delivered so far. */
    public long alerts() {
        return alerts;
    }

    private void onEvent(TailEvent event) {
        if (event instanceof TailEvent.Skipped skipped) {
            out.note(skipped.source() + ":" + skipped.line() + ": skipped: " + skipped.detail());
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
            f.seen++;
            for (Alert a : evaluator.add(entry.event(), f.session, f.log.toString(), entry.line())) {
                if (f.seen > f.delivered) {
                    deliver(a);
                    f.saved = f.saved.firing(a);
                }
            }
        }
        if (f.seen > f.delivered) {
            save(f);
        }
    }

    private void deliver(Alert a) {
        alerts++;
        delivery.deliver(a);
    }

    private static void save(Followed f) {
        f.saved = f.saved.withLines(f.seen);
        try {
            f.saved.write(f.state, f.log.getFileName().toString());
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
