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
import dev.sigil.layout.LogLayout;
import dev.sigil.spend.Prices;
import dev.sigil.tail.LineDecoder;
import tools.jackson.databind.JsonNode;

/**
 * Reads the files of a report, in order, through the readers' line decoder (the one {@code sigil tail} and
 * {@code sigil monitor} use: both dialects, any other producer's objects, broken UTF-8 repaired as jq repairs it),
 * and folds them. Lines longer than {@link #MAX_LINE_BYTES}, not JSON, or not objects are counted as skipped.
 */
public final class ReportReader {

    /** The longest line read (validate's bound). */
    public static final int MAX_LINE_BYTES = 16 << 20;

    private ReportReader() {
    }

    /**
     * @param undated when a line with no readable time, in a session with none either, is priced (now)
     */
    public static Report read(List<LogSource> sources, ReportRequest request, Prices prices, EventTime undated) throws IOException {
        return read(sources, request, prices, undated, Caching.OFF);
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
     * The report of {@code sources}: the call tree from every line, any other key from each session's cells (kept
     * beside its files with {@code caching}, when the range falls on whole hours).
     */
    public static Report read(List<LogSource> sources, ReportRequest request, Prices prices, EventTime undated, Caching caching)
            throws IOException {
        List<List<LogSource>> units = units(sources);
        if (request.active()) {
            units = Activity.running(units);
        }
        long files = units.stream().mapToLong(List::size).sum();
        if (request.by() == By.TREE) {
            ReportFold fold = new ReportFold(request.range(), prices, undated);
            List<LogSource> kept = units.stream().flatMap(List::stream).toList();
            long skipped = each(kept, (source, number, event) -> fold.add(event, source.session()));
            return fold.report(request.top(), files, skipped);
        }
        boolean onHours = request.range().onWholeHours(prices.zone());
        List<UnitTotals> totals = new ArrayList<>();
        for (List<LogSource> unit : units) {
            totals.add(onHours ? cached(unit, prices, undated, caching) : fold(unit, prices, undated, request.range()));
        }
        return CellReport.of(totals, request, onHours ? request.range() : TimeRange.ALL, prices.zone(), files);
    }

    private static UnitTotals cached(List<LogSource> unit, Prices prices, EventTime undated, Caching caching) throws IOException {
        if (!caching.enabled()) {
            return fold(unit, prices, undated, TimeRange.ALL);
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
        UnitTotals totals = fold(unit, prices, undated, TimeRange.ALL);
        // the key taken again after the read: a log that grew meanwhile is not kept under the older key
        if (key.isPresent() && key.equals(ReportCache.key(files, prices.zone().getId(), caching.prices()))) {
            ReportCache.write(file, key.get(), totals);
        }
        return totals;
    }

    private static UnitTotals fold(List<LogSource> unit, Prices prices, EventTime undated, TimeRange lineRange) throws IOException {
        CellFold fold = new CellFold(prices, undated, lineRange);
        long skipped = each(unit, (source, number, event) -> fold.add(event, source.session()));
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
    }

    /**
     * Reads every file of {@code sources} in order, handing each decoded line to {@code handler}.
     *
     * @return the lines skipped (not JSON objects, or longer than {@link #MAX_LINE_BYTES})
     */
    public static long each(List<LogSource> sources, Lines handler) throws IOException {
        LineDecoder decoder = new LineDecoder(true, null);
        long[] skipped = {0};
        for (LogSource source : sources) {
            try (InputStream in = Files.newInputStream(source.file())) {
                new LineSplitter(MAX_LINE_BYTES).split(in, new LineSplitter.Handler() {
                    @Override
                    public void line(long number, byte[] bytes, int from, int to) {
                        LineDecoder.Result r = decoder.decode(number, 0, bytes, from, to);
                        if (r.isBlank()) {
                            return;
                        }
                        if (r.entry() == null) {
                            skipped[0]++;
                            return;
                        }
                        handler.line(source, number, r.entry().event());
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
