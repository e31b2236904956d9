package dev.sigil.contract.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.sigil.contract.codec.LineSplitter;
import dev.sigil.contract.event.Level;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.Usage;
import dev.sigil.contract.event.EventTime;

/**
 * What sigil's readers make of a fixture, in the form of compat-tests/python/format_summary.py's summary: lines,
 * events, levels, errors, tokens by kind and by model, components, sessions, first and last times. Read through
 * {@link FormatReader}, the decoding step of every batch reader, with the format found from the file itself.
 */
final class FixtureSummary {

    final Map<String, Object> summary = new TreeMap<>();
    /** The formats the events were read in. */
    final Set<String> formats = new LinkedHashSet<>();

    private long lines;
    private long notJson;
    private long unrecognised;
    private long events;
    private long errors;
    private final Map<String, Long> levels = new TreeMap<>();
    private final Map<String, Long> tokens = new TreeMap<>();
    private final Map<String, Long> models = new TreeMap<>();
    private final Map<String, Map<String, Long>> components = new TreeMap<>();
    private final List<String> sessions = new ArrayList<>();
    private String first;
    private String last;

    static FixtureSummary of(Path file, FormatSet formats) throws IOException {
        FixtureSummary s = new FixtureSummary();
        s.read(Files.readAllBytes(file), formats);
        return s;
    }

    private void read(byte[] bytes, FormatSet set) throws IOException {
        for (Level l : Level.values()) {
            levels.put(l.wireName(), 0L);
        }
        for (String k : List.of("input", "output", "cache_read", "cache_write", "cache_write_1h", "reasoning", "total", "unknown_model")) {
            tokens.put(k, 0L);
        }
        FormatReader reader = new FormatReader(set);
        FormatReader.Sink sink = new FormatReader.Sink() {
            @Override
            public void events(long line, List<LogEvent> list) {
                list.forEach(FixtureSummary.this::add);
            }

            @Override
            public void unrecognised(long line, LogEvent event) {
                unrecognised++;
            }

            @Override
            public void notAnObject(long line, String why) {
                notJson++;
            }
        };
        new LineSplitter(1 << 24).split(new java.io.ByteArrayInputStream(bytes), new LineSplitter.Handler() {
            @Override
            public void line(long number, byte[] b, int from, int to) {
                if (!LineSplitter.isBlank(b, from, to)) {
                    lines++;
                    reader.line(number, b, from, to, sink);
                }
            }

            @Override
            public void tooLong(long number, long length) {
                throw new AssertionError("no fixture line is that long");
            }
        });
        reader.end(sink);
        Map<String, Object> componentsOut = new TreeMap<>();
        components.forEach((k, v) -> componentsOut.put(k, new TreeMap<>(v)));
        summary.put("lines", lines);
        summary.put("not_json", notJson);
        summary.put("unrecognised", unrecognised);
        summary.put("events", events);
        summary.put("errors", errors);
        summary.put("levels", levels);
        summary.put("tokens", tokens);
        summary.put("models", models);
        summary.put("components", componentsOut);
        summary.put("sessions", sessions);
        summary.put("first", first);
        summary.put("last", last);
    }

    private void add(LogEvent e) {
        formats.add(e.format());
        events++;
        levels.merge(e.level().wireName(), 1L, Long::sum);
        errors += e.isError() ? 1 : 0;
        Map<String, Long> c = components.computeIfAbsent(e.component(), k -> new LinkedHashMap<>(Map.of("events", 0L, "tokens", 0L)));
        c.merge("events", 1L, Long::sum);
        Usage u = e.usage();
        c.merge("tokens", u.totalTokens(), Long::sum);
        tokens.merge("total", u.totalTokens(), Long::sum);
        if (u.hasModel()) {
            tokens.merge("input", u.inputTokens(), Long::sum);
            tokens.merge("output", u.outputTokens(), Long::sum);
            tokens.merge("cache_read", u.cacheReadTokens(), Long::sum);
            tokens.merge("cache_write", u.cacheWriteTokens(), Long::sum);
            tokens.merge("cache_write_1h", u.cacheWrite1hTokens(), Long::sum);
            tokens.merge("reasoning", u.reasoningTokens(), Long::sum);
            models.merge(u.model(), u.totalTokens(), Long::sum);
        } else {
            tokens.merge("unknown_model", u.totalTokens(), Long::sum);
        }
        if (!e.sessionId().isEmpty() && !sessions.contains(e.sessionId())) {
            sessions.add(e.sessionId());
        }
        String t = micros(e.timestamp());
        if (t != null) {
            first = first == null || t.compareTo(first) < 0 ? t : first;
            last = last == null || t.compareTo(last) > 0 ? t : last;
        }
    }

    /** A timestamp as Python's isoformat(timespec='microseconds') of its UTC (or naive) time. */
    static String micros(String timestamp) {
        EventTime t = EventTime.parse(timestamp);
        if (t == null) {
            return null;
        }
        java.time.LocalDateTime d = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(t.micros(), 1_000_000L),
                (int) Math.floorMod(t.micros(), 1_000_000L) * 1000, java.time.ZoneOffset.UTC);
        return String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d.%06d", d.getYear(), d.getMonthValue(), d.getDayOfMonth(),
                d.getHour(), d.getMinute(), d.getSecond(), d.getNano() / 1000);
    }
}
