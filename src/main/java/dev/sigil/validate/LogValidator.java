package dev.sigil.validate;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.LineSplitter;
import dev.sigil.contract.codec.PythonJsonReader;
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

    public LogValidator(SchemaValidator schema, int maxLineBytes) {
        this.schema = schema;
        this.maxLineBytes = maxLineBytes;
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

    /** Problems of one line (empty if valid); blank lines have none. */
    public List<Problem> check(String path, long number, byte[] bytes, int from, int to) {
        if (LineSplitter.isBlank(bytes, from, to)) {
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
