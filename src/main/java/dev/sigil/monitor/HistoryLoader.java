package dev.sigil.monitor;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.sigil.contract.format.FormatSet;
import dev.sigil.contract.event.EventTime;
import dev.sigil.layout.LogLayout;
import dev.sigil.monitor.state.History;
import dev.sigil.report.By;
import dev.sigil.report.LogSource;
import dev.sigil.report.Report;
import dev.sigil.report.ReportReader;
import dev.sigil.report.ReportRequest;
import dev.sigil.report.ReportSources;
import dev.sigil.report.TimeRange;
import dev.sigil.spend.Prices;
import dev.sigil.spend.Tally;

/**
 * Reads the dashboard's history view ({@link History}): every session of the log root, as {@code sigil report --all
 * --since 29d} reads it (the same counting, prices and kept totals), per day, per session and per model. Runs on the
 * dashboard's effect thread, never the render thread.
 */
final class HistoryLoader {

    private HistoryLoader() {
    }

    static History load(LogLayout layout, FormatSet formats, Prices prices, ReportReader.Caching caching, Instant now, EventTime undated) {
        try {
            List<LogSource> sources = ReportSources.all(layout);
            TimeRange range = TimeRange.of((History.DAYS - 1) + "d", null, prices.zone(), now);
            Report days = ReportReader.read(sources, formats, new ReportRequest(By.DAY, 0, range), prices, undated, caching);
            Report sessions = ReportReader.read(sources, formats, new ReportRequest(By.SESSION, 0, range), prices, undated, caching);
            Report models = ReportReader.read(sources, formats, new ReportRequest(By.MODEL, 0, range), prices, undated, caching);
            return new History(History.State.READ, "", calendar(days, now.atZone(prices.zone()).toLocalDate()), top(sessions), top(models));
        } catch (IOException | RuntimeException e) {
            return History.failed(e.getMessage() == null ? "the logs could not be read" : e.getMessage());
        }
    }

    /** One total per day of the window, oldest first, $0 for a day without a line. */
    private static List<History.Total> calendar(Report days, LocalDate today) {
        Map<String, Tally> byDay = new HashMap<>();
        days.rows().forEach(r -> byDay.put(r.key(), r.tally()));
        List<History.Total> out = new ArrayList<>();
        for (int i = History.DAYS - 1; i >= 0; i--) {
            String day = today.minusDays(i).toString();
            out.add(total(day, byDay.getOrDefault(day, Tally.ZERO)));
        }
        return out;
    }

    private static List<History.Total> top(Report r) {
        List<Report.Row> rows = new ArrayList<>(r.rows());
        rows.sort((a, b) -> {
            int c = b.tally().usd().compareTo(a.tally().usd());
            return c != 0 ? c : Long.compare(b.tally().totalTokens(), a.tally().totalTokens());
        });
        List<History.Total> out = new ArrayList<>();
        rows.stream().limit(History.TOP).forEach(row -> out.add(total(row.key(), row.tally())));
        return out;
    }

    private static History.Total total(String name, Tally t) {
        return new History.Total(name, t.usd() == null ? BigDecimal.ZERO : t.usd(), t.totalTokens(), t.priced());
    }
}
