package dev.sigil.alerts;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.event.EventTime;
import dev.sigil.layout.LogLayout;
import dev.sigil.log.SafeFiles;
import dev.sigil.spend.Prices;
import dev.sigil.tail.FileTailSource;
import dev.sigil.tail.TailEntry;
import dev.sigil.tail.TailEvent;
import dev.sigil.tail.TailOptions;
import dev.sigil.tail.Tailer;
import tools.jackson.databind.JsonNode;

/**
 * Follows logs through the rules and delivers what fires, as {@code sigil alerts watch} does. Each log is read from
 * its first line (its rotated parts first), so that its windows are what a replay gives; the alerts of the lines a
 * previous watch already delivered are not delivered again: how many lines of each log were delivered is kept beside
 * it ({@link LogLayout#alertsStateOf}), written after each batch. Polled on one thread; not thread-safe.
 */
public final class Watch implements Closeable {

    /** Where the actions print. */
    public interface Out {
        void stdout(String line);

        void stderr(String line);
    }

    /** One log followed: its session, the lines seen, and how many of them a previous watch delivered. */
    private static final class Followed {
        final Path log;
        final Path state;
        final String session;
        final long delivered;
        long seen;

        Followed(Path log, long delivered) {
            this.log = log;
            this.state = LogLayout.alertsStateOf(log);
            this.session = LogLayout.sessionOf(log);
            this.delivered = delivered;
        }
    }

    private final Evaluator evaluator;
    private final Out out;
    private final TailOptions options;
    private final Map<String, Followed> logs = new LinkedHashMap<>();
    private final List<Tailer> tailers = new ArrayList<>();
    private long alerts;

    public Watch(RuleSet rules, Prices prices, EventTime undated, Duration interval, Out out) {
        this.evaluator = new Evaluator(rules, prices, undated);
        this.out = out;
        this.options = TailOptions.defaults().withPollInterval(interval).withPartsFirst(true).withEventsAhead(true);
    }

    /** Starts following those of {@code files} not followed yet; returns how many were new. */
    public int follow(List<Path> files) throws IOException {
        List<FileTailSource> sources = new ArrayList<>();
        for (Path f : files) {
            String name = f.toString();
            if (!logs.containsKey(name)) {
                logs.put(name, new Followed(f, delivered(LogLayout.alertsStateOf(f))));
                sources.add(new FileTailSource(f, name));
            }
        }
        if (!sources.isEmpty()) {
            tailers.add(new Tailer(sources, options, this::onEvent));
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
        if (!(event instanceof TailEvent.Lines lines)) {
            return;
        }
        Followed f = logs.get(lines.source());
        for (TailEntry entry : lines.entries()) {
            f.seen++;
            for (Alert a : evaluator.add(entry.event(), f.session, f.log.toString(), entry.line())) {
                if (f.seen > f.delivered) {
                    deliver(a);
                }
            }
        }
        if (f.seen > f.delivered) {
            save(f);
        }
    }

    private void deliver(Alert a) {
        alerts++;
        for (Rule.Action action : a.rule().actions()) {
            switch (action) {
                case STDOUT -> out.stdout(AlertText.text(a));
                case STDERR -> out.stderr(AlertText.text(a));
                case STDOUT_JSON -> out.stdout(AlertText.json(a));
                case STDERR_JSON -> out.stderr(AlertText.json(a));
            }
        }
    }

    private static long delivered(Path state) throws IOException {
        if (!Files.isRegularFile(state)) {
            return 0;
        }
        try {
            JsonNode lines = new PythonJsonReader().read(Files.readAllBytes(state)).path("lines");
            return lines.canConvertToLong() ? Math.max(0, lines.longValue()) : 0;
        } catch (JsonSyntaxException e) {
            return 0; // a state cut short by a crash: the alerts are delivered again rather than lost
        }
    }

    private static void save(Followed f) {
        try {
            SafeFiles.writeAtomically(f.state, ("{\"log\":" + AlertText.string(f.log.getFileName().toString()) + ",\"lines\":" + f.seen + "}\n")
                    .getBytes(StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            throw new UncheckedIOException(f.state + ": cannot write the watch's state: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        tailers.forEach(Tailer::close);
    }
}
