package dev.sigil.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.sigil.contract.codec.LineSplitter;
import dev.sigil.contract.event.EventTime;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.layout.LogLayout;
import dev.sigil.spend.Prices;
import dev.sigil.tail.FileLines;
import dev.sigil.tail.LineContract;
import dev.sigil.tail.LineDecoder;
import tools.jackson.databind.JsonNode;

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
        return read(sources, formats, request, prices, undated, Caching.OFF);
    }

    /**
     * Whether each session's totals are kept beside its files ({@link ReportCache}).
     *
     * @param enabled read and write the caches
     * @param prices what the prices in effect are made of: a cache made with other prices is rebuilt
     */
    public record Caching(boolean enabled, String prices) {
        public static final Caching OFF = new Caching(false, "");
    }

    /**
     * The report of {@code sources} read in {@code formats}: the call tree from every line, any other key from each
     * session's cells (kept beside its files with {@code caching}, when the range falls on whole hours and the formats
     * are the built-in ones: totals read in a forced or a user's format are not kept).
     */
    public static Report read(List<LogSource> sources, FormatSet formats, ReportRequest request, Prices prices, EventTime undated,
                              Caching caching) throws IOException {
        Caching kept = formats.forced().isEmpty() && formats.user().isEmpty() ? caching : Caching.OFF;
        List<List<LogSource>> units = units(sources);
        if (request.active()) {
            units = Activity.running(units, formats);
        }
        long files = units.stream().mapToLong(List::size).sum();
        if (request.by() == By.TREE) {
            ReportFold fold = new ReportFold(request.range(), prices, undated);
            long skipped = each(units.stream().flatMap(List::stream).toList(), formats,
                    (source, number, event) -> fold.add(event, source.session()));
            return fold.report(request.top(), files, skipped);
        }
        boolean onHours = request.range().onWholeHours(prices.zone());
        List<UnitTotals> totals = new ArrayList<>();
        for (List<LogSource> unit : units) {
            totals.add(onHours ? cached(unit, formats, prices, undated, kept) : fold(unit, formats, prices, undated, request.range()));
        }
        return CellReport.of(totals, request, onHours ? request.range() : TimeRange.ALL, prices.zone(), files);
    }

    private static UnitTotals cached(List<LogSource> unit, FormatSet formats, Prices prices, EventTime undated, Caching caching)
            throws IOException {
        if (!caching.enabled()) {
            return fold(unit, formats, prices, undated, TimeRange.ALL);
        }
        List<Path> files = unit.stream().map(LogSource::file).toList();
        Path file = LogLayout.reportCacheOf(files.get(files.size() - 1));
        Optional<JsonNode> key = ReportCache.key(files, prices.zone().getId(), caching.prices());
        if (key.isPresent()) {
            Optional<UnitTotals> kept = ReportCache.read(file, key.get());
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        UnitTotals totals = fold(unit, formats, prices, undated, TimeRange.ALL);
        // the key taken again after the read: a log that grew meanwhile is not kept under the older key
        if (key.isPresent() && key.equals(ReportCache.key(files, prices.zone().getId(), caching.prices()))) {
            ReportCache.write(file, key.get(), totals);
        }
        return totals;
    }

    private static UnitTotals fold(List<LogSource> unit, FormatSet formats, Prices prices, EventTime undated, TimeRange lineRange)
            throws IOException {
        CellFold fold = new CellFold(prices, undated, lineRange);
        long skipped = each(unit, formats, (source, number, event) -> fold.add(event, source.session()));
        return fold.result(skipped);
    }

    /** The sources in units of one session's files: consecutive files of one directory and session. */
    static List<List<LogSource>> units(List<LogSource> sources) {
        List<List<LogSource>> out = new ArrayList<>();
        for (LogSource s : sources) {
            List<LogSource> last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.get(0).session().equals(s.session())
                    && Objects.equals(last.get(0).file().toAbsolutePath().getParent(), s.file().toAbsolutePath().getParent())) {
                last.add(s);
            } else {
                out.add(new ArrayList<>(List.of(s)));
            }
        }
        return out;
    }

    /** What a reader of logs does with each line it decodes. */
    @FunctionalInterface
    public interface Lines {
        /** The line numbered {@code number} (1-based) of {@code source}. */
        void line(LogSource source, long number, LogEvent event);

        /** The line numbered {@code number} of {@code source} fails the contract: it broke {@code rule} (told before its events). */
        default void invalid(LogSource source, long number, String rule) {
        }
    }

    /**
     * Reads every file of {@code sources} in order in {@code formats}, handing each event of each decoded line to
     * {@code handler}.
     *
     * @return the lines skipped (not JSON objects, or longer than {@link #MAX_LINE_BYTES})
     */
    public static long each(List<LogSource> sources, FormatSet formats, Lines handler) throws IOException {
        return each(sources, formats, handler, null);
    }

    /**
     * As {@link #each(List, FormatSet, Lines)}, and with {@code contract} (null: none) telling the handler of every line
     * that fails the contract ({@link Lines#invalid}), as the tailer's readers tell it.
     */
    public static long each(List<LogSource> sources, FormatSet formats, Lines handler, LineContract contract) throws IOException {
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
                            String rule = contract == null ? null : LineContract.of(r.skip());
                            if (rule != null) {
                                handler.invalid(source, number, rule);
                            }
                            return;
                        }
                        String rule = contract == null ? null : contract.broken(r.entry());
                        if (rule != null) {
                            handler.invalid(source, number, rule);
                        }
                        for (LogEvent e : r.entry().events()) {
                            handler.line(source, number, e);
                        }
                    }

                    @Override
                    public void tooLong(long number, long length) {
                        skipped[0]++;
                        if (contract != null) {
                            handler.invalid(source, number, LineContract.of(dev.sigil.tail.SkipReason.TOO_LONG));
                        }
                    }
                });
            }
        }
        return skipped[0];
    }
}
