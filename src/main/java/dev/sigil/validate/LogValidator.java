package dev.sigil.validate;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.LineChunks;
import dev.sigil.contract.codec.LineSplitter;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.format.Choice;
import dev.sigil.contract.validation.SchemaValidator;
import dev.sigil.contract.validation.Violation;
import tools.jackson.databind.JsonNode;

/**
 * Validates a JSON Lines stream against a schema with constant memory: each line is read as CPython reads it, then
 * checked against the schema; problems go to a {@link ProblemSink} in line order. Blank lines are skipped.
 */
public final class LogValidator {

    /** Default bound on one line: longer lines are reported and skipped without being held in memory. */
    public static final int DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final SchemaValidator schema;
    private final PythonJsonReader reader = new PythonJsonReader();
    private final int maxLineBytes;
    /** The check of a format's lines instead of the schema's ({@code --input-format}), or null. */
    private final FormatCheck format;

    public LogValidator(SchemaValidator schema, int maxLineBytes) {
        this.schema = schema;
        this.maxLineBytes = maxLineBytes;
        this.format = null;
    }

    private LogValidator(Choice forced, int maxLineBytes) {
        this.schema = null;
        this.maxLineBytes = maxLineBytes;
        this.format = new FormatCheck(forced);
    }

    /**
     * A validator of the lines of one format (docs/formats.md): each must be recognised by it and map to an event sigil
     * takes as it is; {@code forced} is the choice that reads every line in that format.
     */
    public static LogValidator ofFormat(Choice forced, int maxLineBytes) {
        if (forced.first() == null || !forced.forced()) {
            throw new IllegalArgumentException("a format to check lines against is needed");
        }
        return new LogValidator(forced, maxLineBytes);
    }

    /** Listens to progress: called with the number of bytes consumed so far, now and then. */
    @FunctionalInterface
    public interface Progress {
        void bytesRead(long bytes);

        Progress NONE = bytes -> { };
    }

    /**
     * Validates every line of {@code in}.
     *
     * @param path the name to report problems under
     */
    public FileSummary validate(String path, InputStream in, ProblemSink sink, Progress progress) throws IOException {
        Counter c = new Counter(path, sink, progress);
        try {
            new LineSplitter(maxLineBytes).split(in, c);
        } catch (Stop stop) {
            return new FileSummary(path, c.lines, c.blank, c.valid, c.invalid, true);
        }
        return new FileSummary(path, c.lines, c.blank, c.valid, c.invalid, false);
    }

    /**
     * {@link #validate}, with the lines checked on every core (ADR 0041): chunks of lines that the fast check finds
     * certainly valid are only counted; a chunk with any other line is validated again line by line, in order, so
     * problems, counts and {@code --max-errors} stops are exactly those of {@link #validate}. For large regular
     * files (the chunks are megabytes: a pipe's lines would wait for a whole chunk).
     */
    public FileSummary validateInParallel(String path, InputStream in, ProblemSink sink, Progress progress) throws IOException {
        if (format != null) {
            return validate(path, in, sink, progress); // the fast check that makes chunks worth it is the schema's
        }
        return validateInParallel(path, in, sink, progress, LineChunks.forThisMachine());
    }

    /** {@link #validateInParallel} with the given chunks (tests use tiny ones). */
    FileSummary validateInParallel(String path, InputStream in, ProblemSink sink, Progress progress, LineChunks<long[]> chunks)
            throws IOException {
        Counter c = new Counter(path, sink, progress);
        LineSplitter splitter = new LineSplitter(maxLineBytes);
        try {
            chunks.run(in, this::countIfCertainlyValid, new LineChunks.Consumer<>() {
                @Override
                public void chunk(byte[] bytes, int from, int to, long[] counts) throws IOException {
                    if (counts == null) {
                        splitter.splitChunk(bytes, from, to, c.lines, c);
                    } else {
                        c.lines += counts[0];
                        c.blank += counts[1];
                        c.valid += counts[0] - counts[1];
                        c.bytes += to - from;
                    }
                    progress.bytesRead(c.bytes);
                }

                @Override
                public void rest(InputStream rest) throws IOException {
                    long before = c.lines;
                    splitter.split(rest, c.after(before));
                }
            });
        } catch (Stop stop) {
            return new FileSummary(path, c.lines, c.blank, c.valid, c.invalid, true);
        }
        return new FileSummary(path, c.lines, c.blank, c.valid, c.invalid, false);
    }

    /** {lines, blank} of a chunk whose every line is blank or certainly valid; null if any other line is in it. */
    private long[] countIfCertainlyValid(byte[] b, int from, int to) {
        long lines = 0;
        long blank = 0;
        int i = from;
        while (i < to) {
            int nl = LineSplitter.indexOf(b, i, to);
            int end = nl < 0 ? to : nl;
            lines++;
            if (end - i > maxLineBytes) {
                return null;
            }
            if (LineSplitter.isBlank(b, i, end)) {
                blank++;
            } else if (!schema.certainlyValid(b, i, end)) {
                return null;
            }
            i = end + 1;
        }
        return new long[] {lines, blank};
    }

    /** Problems of one line (empty if valid); blank lines have none. */
    public List<Problem> check(String path, long number, byte[] bytes, int from, int to) {
        if (LineSplitter.isBlank(bytes, from, to)) {
            return List.of();
        }
        if (format != null) {
            return format.check(path, number, bytes, from, to);
        }
        if (schema.certainlyValid(bytes, from, to)) {
            return List.of();
        }
        try {
            return checkParsed(path, number, bytes, from, to);
        } catch (OutOfMemoryError e) {
            // One line of many small values (or a huge string) can need several times its size in memory; the line
            // is what failed, and everything it allocated is garbage again: report it and go on with the next.
            return List.of(new Problem(path, number, 0, null, "line-length", LineMemory.describe(to - from)));
        }
    }

    private List<Problem> checkParsed(String path, long number, byte[] bytes, int from, int to) {
        JsonNode value;
        try {
            value = reader.read(bytes, from, to);
        } catch (JsonSyntaxException e) {
            return List.of(new Problem(path, number, e.column(), null, "json", e.reason()));
        }
        String nonFinite = NonFiniteNumbers.first(value);
        if (nonFinite != null) {
            return List.of(new Problem(path, number, 0, nonFinite, "non-finite",
                    "NaN and infinities are not JSON (RFC 8259): CPython reads them, most other tools refuse the line"));
        }
        List<Violation> violations = schema.validate(value);
        if (violations.isEmpty()) {
            return List.of();
        }
        return violations.stream().map(v -> new Problem(path, number, 0, v.pointer(), v.keyword(), v.message())).toList();
    }

    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    private final class Counter implements LineSplitter.Handler {
        final String path;
        final ProblemSink sink;
        final Progress progress;
        long lines;
        long blank;
        long valid;
        long invalid;
        long bytes;

        Counter(String path, ProblemSink sink, Progress progress) {
            this.path = path;
            this.sink = sink;
            this.progress = progress;
        }

        /** This counter, for lines numbered from 1 again that come after {@code before} lines. */
        LineSplitter.Handler after(long before) {
            return new LineSplitter.Handler() {
                @Override
                public void line(long number, byte[] bytes, int from, int to) {
                    Counter.this.line(before + number, bytes, from, to);
                }

                @Override
                public void tooLong(long number, long length) {
                    Counter.this.tooLong(before + number, length);
                }
            };
        }

        @Override
        public void line(long number, byte[] buf, int from, int to) {
            lines = number;
            bytes += to - from + 1;
            if ((number & 0x3FFF) == 0) {
                progress.bytesRead(bytes);
            }
            if (LineSplitter.isBlank(buf, from, to)) {
                blank++;
                return;
            }
            List<Problem> problems = check(path, number, buf, from, to);
            if (problems.isEmpty()) {
                valid++;
                return;
            }
            invalid++;
            for (Problem p : problems) {
                if (!sink.accept(p)) {
                    throw new Stop();
                }
            }
        }

        @Override
        public void tooLong(long number, long length) {
            lines = number;
            bytes += length + 1;
            invalid++;
            if (!sink.accept(new Problem(path, number, 0, null, "line-length",
                    "line of " + length + " bytes is longer than the limit of " + maxLineBytes + " bytes (--max-line-bytes); skipped"))) {
                throw new Stop();
            }
        }
    }
}
