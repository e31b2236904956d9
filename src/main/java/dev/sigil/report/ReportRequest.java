package dev.sigil.report;

/**
 * What a report is asked for.
 *
 * @param by what it groups by
 * @param top keep the {@code top} most expensive rows (per level of a tree); 0 for all
 * @param range which lines count, by their time
 * @param trend each period with its change against the one before ({@code --trend}; a time {@code by})
 * @param active only the sessions running now ({@code --active})
 */
public record ReportRequest(By by, int top, TimeRange range, boolean trend, boolean active) {

    /** A request without a trend, of every session. */
    public ReportRequest(By by, int top, TimeRange range) {
        this(by, top, range, false, false);
    }

    public ReportRequest {
        if (top < 0) {
            throw new IllegalArgumentException("--top must be at least 1");
        }
        if (trend && !by.isTime()) {
            throw new IllegalArgumentException("--trend goes with --by hour, day or week");
        }
    }
}
