package dev.sigil.print;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import dev.sigil.contract.codec.ByteSink;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.event.Dialect;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.format.MappedLines;
import dev.sigil.tail.LineRender;
import dev.sigil.tail.SkipReason;
import dev.sigil.tail.TailEntry;
import dev.sigil.tail.TailEvent;
import dev.sigil.tail.TailListener;
import dev.sigil.tail.TailStats;
import dev.sigil.text.TerminalText;

/**
 * Prints a tailer's events the way {@code sigil tail} shows them: entries on stdout in the {@code line} or
 * {@code jsonl} format, and on stderr what happened to the files and every line that was skipped or altered (never a
 * silent drop). On a terminal, control characters from the log are made visible ({@link TerminalText}). Output
 * errors surface as {@link UncheckedIOException}.
 */
public final class TailPrinter implements TailListener {

    /** What stdout gets for each entry. */
    public enum Format {
        /** {@code HH:MM:SS [LEVEL] component/operation: message}, as {@code scripts/file_monitor.sh} prints it. */
        LINE,
        /** The entry again, in the canonical byte form (CPython's {@code json.dumps} with compact separators). */
        JSONL,
        /** Every line's bytes exactly as in the log, decoded not at all ({@link RawPrinter}). */
        RAW
    }

    private static final PythonJsonWriter JSON = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);

    private final OutputStream out;
    private final PrintWriter err;
    private final String prefix;
    private final Format format;
    private final boolean terminal;
    private final boolean verbose;
    private final ByteSink sink = new ByteSink(1 << 12);
    /**
     * What stdout gets, gathered here and written 64 KiB at a time: one array copy a line instead of two calls into
     * a locked stream (ADR 0275). {@link #flush()} writes it out.
     */
    private final byte[] pending = new byte[1 << 16];
    private int pendingLength;
    private final RunningCounts counts = new RunningCounts();
    private boolean headers;
    private boolean autoFlush;
    private String lastHeader;

    /**
     * @param out stdout, as bytes
     * @param err stderr
     * @param prefix what stderr lines start with ("sigil tail")
     * @param terminal whether stdout is a terminal
     * @param verbose whether stderr lines about skipped lines carry the running counts
     */
    public TailPrinter(OutputStream out, PrintWriter err, String prefix, Format format, boolean terminal, boolean verbose) {
        this.out = out;
        this.err = err;
        this.prefix = prefix;
        this.format = format;
        this.terminal = terminal;
        this.verbose = verbose;
    }

    /**
     * What the tailer should make of each line on its decoding threads for this printer: the {@code line} format
     * straight from the bytes ({@link FastLineFormat}, ADR 0040), or nothing for {@code jsonl}.
     */
    public Supplier<LineRender> render() {
        if (format != Format.LINE) {
            return null; // jsonl: the exact path; raw: nothing decoded (RawPrinter)
        }
        return Render::new;
    }

    /** The line format made on the decoding threads: of native lines from their bytes, of mapped lines from their events. */
    private static final class Render implements LineRender {
        private final FastLineFormat lines = new FastLineFormat();

        @Override
        public boolean render(byte[] b, int from, int to, ByteSink out, boolean operationLogs) {
            return lines.format(b, from, to, out, operationLogs);
        }

        @Override
        public boolean render(java.util.List<LogEvent> events, ByteSink out) {
            for (int i = 0; i < events.size(); i++) {
                if (i > 0) {
                    out.write('\n');
                }
                EventLine.write(events.get(i), out);
            }
            return true;
        }

        @Override
        public boolean render(MappedLines mapped, ByteSink out) {
            for (int i = 0; i < mapped.size(); i++) {
                if (i > 0) {
                    out.write('\n');
                }
                EventLine.write(mapped.get(i), out);
            }
            return true;
        }
    }

    /** Prints {@code --- ==> NAME <== ---} before the output of each source, as the jq tail shows tail's headers. */
    public void showHeaders(boolean show) {
        this.headers = show && format == Format.LINE;
    }

    /** Flushes stdout after every event (when following, so that lines show up at once). */
    public void autoFlush(boolean on) {
        this.autoFlush = on;
    }

    /** Prints the header for {@code source} now (used when reading files one by one, empty ones included). */
    public void header(String source) {
        if (headers) {
            lastHeader = source;
            String header = "--- ==> " + source + " <== ---";
            write(terminal ? TerminalText.visible(header) : header); // a file's name can hold escape sequences too
        }
    }

    /** Entries are printed within {@link #onEvent} and never looked at again (ADR 0302). */
    @Override
    public boolean keepsEntries() {
        return false;
    }

    @Override
    public void onEvent(TailEvent event) {
        if (event instanceof TailEvent.Lines lines) {
            for (TailEntry entry : lines.entries()) {
                entry(lines.source(), entry);
            }
        } else if (event instanceof TailEvent.Skipped s) {
            counts.skipped(s.reason());
            note(s.source() + ":" + s.line() + ": " + s.reason().description() + ": " + s.detail() + "; skipped" + running());
        } else if (event instanceof TailEvent.FileChanged c) {
            note(c.source() + ": " + c.change().name().toLowerCase(Locale.ROOT) + ": " + c.detail());
        }
        if (autoFlush) {
            flush();
        }
    }

    /** Flushes stdout and stderr. */
    public void flush() {
        try {
            drain();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        err.flush();
    }

    /** One line of counts for the end of a run. */
    public static String summary(TailStats stats) {
        StringBuilder s = new StringBuilder();
        s.append(stats.lines()).append(" lines: ").append(stats.entries()).append(" shown, ").append(stats.blank()).append(" blank, ")
                .append(stats.totalSkipped()).append(" skipped");
        String reasons = reasons(stats.skipped());
        if (!reasons.isEmpty()) {
            s.append(" (").append(reasons).append(')');
        }
        s.append(", ").append(stats.invalidUtf8()).append(" with invalid UTF-8 replaced");
        return s.toString();
    }

    private void entry(String source, TailEntry entry) {
        if (headers && !source.equals(lastHeader)) {
            header(source);
        }
        if (entry.invalidUtf8()) {
            counts.invalidUtf8();
            note(source + ":" + entry.line() + ": invalid UTF-8 replaced by U+FFFD" + running());
        }
        if (format == Format.JSONL) {
            sink.reset();
            JSON.write(entry.json(), sink);
            put(sink.array(), sink.size());
        } else {
            byte[] line = entry.rendered();
            if (line != null) {
                line(line);
            } else if (entry.event().dialect() == Dialect.MAPPED) {
                for (LogEvent e : entry.events()) {
                    line(EventLine.format(e).getBytes(StandardCharsets.UTF_8));
                }
            } else {
                line(LineFormat.format(entry.json()).getBytes(StandardCharsets.UTF_8));
            }
        }
        // A rendered line is a native one or one a format read (the renders' promises): only the others can be unrecognised.
        if (entry.rendered() == null && entry.event().unrecognised()) {
            counts.unrecognised(source, entry.line(), this);
        }
    }

    private void line(byte[] line) {
        if (terminal) {
            write(TerminalText.visible(new String(line, StandardCharsets.UTF_8)));
        } else {
            put(line);
        }
    }

    private void write(String line) {
        put(line.getBytes(StandardCharsets.UTF_8));
    }

    private void put(byte[] line) {
        put(line, line.length);
    }

    /** Gathers {@code line[0, n)} and a newline for stdout; writes what was gathered first when they do not fit. */
    private void put(byte[] line, int n) {
        if (pendingLength + n >= pending.length) {
            drain();
            if (n >= pending.length) {
                try {
                    out.write(line, 0, n);
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return;
            }
        }
        System.arraycopy(line, 0, pending, pendingLength, n);
        pending[pendingLength + n] = '\n';
        pendingLength += n + 1;
    }

    private void drain() {
        if (pendingLength > 0) {
            int n = pendingLength;
            pendingLength = 0;
            try {
                out.write(pending, 0, n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One line on stderr, after the prefix; control characters made visible. */
    public void note(String text) {
        err.println(prefix + ": " + TerminalText.visible(text));
    }

    private String running() {
        return verbose ? " [so far: " + counts + "]" : "";
    }

    private static String reasons(Map<SkipReason, Long> skipped) {
        StringBuilder s = new StringBuilder();
        for (SkipReason r : SkipReason.values()) {
            long n = skipped.getOrDefault(r, 0L);
            if (n > 0) {
                s.append(s.length() == 0 ? "" : ", ").append(n).append(' ').append(r.description());
            }
        }
        return s.toString();
    }

    /** Lines no format recognised, shown as they are (the first of each file is also said on stderr). */
    public long unrecognised() {
        return counts.unrecognised;
    }

    /** Counts of what this printer reported, for the running totals of --verbose. */
    private static final class RunningCounts {
        private final EnumMap<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
        private final java.util.Set<String> sourcesWithUnrecognised = new java.util.HashSet<>();
        private long invalid;
        private long unrecognised;

        void unrecognised(String source, long line, TailPrinter printer) {
            unrecognised++;
            if (sourcesWithUnrecognised.add(source)) {
                printer.note(source + ":" + line + ": no format recognises this line; shown as it is (formats: sigil formats --detect "
                        + source + ")");
            }
        }

        void skipped(SkipReason r) {
            skipped.merge(r, 1L, Long::sum);
        }

        void invalidUtf8() {
            invalid++;
        }

        @Override
        public String toString() {
            String r = reasons(skipped);
            return (r.isEmpty() ? "0 skipped" : r) + ", " + invalid + " with invalid UTF-8";
        }
    }
}
