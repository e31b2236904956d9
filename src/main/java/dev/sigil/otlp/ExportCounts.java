package dev.sigil.otlp;

/**
 * What an export sent and what it could not, counted by the exporter as it went.
 *
 * @param logsSent log records the collector accepted
 * @param spansSent spans the collector accepted
 * @param logsUnsent log records given up on (collector unreachable at the end, refused, or the queue full)
 * @param spansUnsent spans given up on
 * @param retries requests sent again after a failure (OTLP's retry: a collector that took one before failing may
 *        hold those records twice, with the same ids)
 * @param failure the first failure seen, "" if none
 */
public record ExportCounts(long logsSent, long spansSent, long logsUnsent, long spansUnsent, long retries, String failure) {

    public static final ExportCounts NONE = new ExportCounts(0, 0, 0, 0, 0, "");

    public boolean complete() {
        return logsUnsent == 0 && spansUnsent == 0;
    }

    /** One line for the end of a run: what was sent, what was not, and whether anything may have been sent twice. */
    public String describe() {
        StringBuilder b = new StringBuilder("sent ").append(logsSent).append(logsSent == 1 ? " log record" : " log records")
                .append(" and ").append(spansSent).append(spansSent == 1 ? " span" : " spans");
        if (complete()) {
            b.append(", nothing unsent");
        } else {
            b.append("; not sent: ").append(logsUnsent).append(" log records and ").append(spansUnsent).append(" spans");
        }
        if (retries > 0) {
            b.append("; ").append(retries).append(retries == 1 ? " request was" : " requests were")
                    .append(" sent again after a failure (a collector that had taken one may hold it twice, same ids)");
        }
        return b.toString();
    }
}
