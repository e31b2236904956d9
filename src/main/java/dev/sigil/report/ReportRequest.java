package dev.sigil.report;

/**
 * What a report is asked for.
 *
 * @param by what it groups by
 * @param top keep the {@code top} most expensive rows (per level of a tree); 0 for all
 * @param range which lines count, by their time
 */
public record ReportRequest(By by, int top, TimeRange range) {

    public ReportRequest {
        if (top < 0) {
            throw new IllegalArgumentException("--top must be at least 1");
        }
    }
}
