package dev.sigil.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

import dev.sigil.contract.codec.LineSplitter;
import dev.sigil.contract.event.EventTime;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.spend.Prices;
import dev.sigil.tail.FileLines;
import dev.sigil.tail.LineDecoder;

/**
 * Reads the files of a report, in order, through the readers' line decoder and formats (as {@code sigil tail} and
 * {@code sigil monitor} read them: each file's format found from its first lines, any producer a format knows, a model
 * call restated on later lines counted once, broken UTF-8 repaired as jq repairs it; {@link FileLines}), and folds
 * them, every event of a line. Lines longer than {@link #MAX_LINE_BYTES}, not JSON, or not objects are counted as
 * skipped.
 */
public final class ReportReader {

    /** The longest line read (validate's bound). */
    public static final int MAX_LINE_BYTES = 16 << 20;

    private ReportReader() {
    }

    /**
     * @param undated when a line with no readable time, in a session with none either, is priced (now)
     */
    public static Report read(List<LogSource> sources, FormatSet formats, ReportRequest request, Prices prices, EventTime undated)
            throws IOException {
        ReportFold fold = new ReportFold(request.by(), request.range(), prices, undated);
        long skipped = each(sources, formats, (source, number, event) -> fold.add(event, source.session()));
        return fold.report(request.top(), sources.size(), skipped);
    }

    /** What a reader of logs does with each line it decodes. */
    @FunctionalInterface
    public interface Lines {
        /** The line numbered {@code number} (1-based) of {@code source}. */
        void line(LogSource source, long number, LogEvent event);
    }

    /**
     * Reads every file of {@code sources} in order in {@code formats}, handing each event of each decoded line to
     * {@code handler}.
     *
     * @return the lines skipped (not JSON objects, or longer than {@link #MAX_LINE_BYTES})
     */
    public static long each(List<LogSource> sources, FormatSet formats, Lines handler) throws IOException {
        long[] skipped = {0};
        for (LogSource source : sources) {
            FileLines decoder = new FileLines(formats);
            try (InputStream in = Files.newInputStream(source.file())) {
                new LineSplitter(MAX_LINE_BYTES).split(in, new LineSplitter.Handler() {
                    @Override
                    public void line(long number, byte[] bytes, int from, int to) {
                        LineDecoder.Result r = decoder.decode(number, bytes, from, to);
                        if (r.isBlank()) {
                            return;
                        }
                        if (r.entry() == null) {
                            skipped[0]++;
                            return;
                        }
                        for (LogEvent e : r.entry().events()) {
                            handler.line(source, number, e);
                        }
                    }

                    @Override
                    public void tooLong(long number, long length) {
                        skipped[0]++;
                    }
                });
            }
        }
        return skipped[0];
    }
}
