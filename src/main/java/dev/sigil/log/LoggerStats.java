package dev.sigil.log;

/**
 * What became of the entries given to a logger. Once the logger is closed,
 * {@code accepted = written + rejected + unwritten + unconfirmed}, and every entry that was logged is either
 * accepted or {@code dropped}: no entry disappears without being counted.
 *
 * @param accepted entries the writer took from the queue
 * @param written entries written to the log (and fsynced, when fsync is on)
 * @param rejected entries refused by the schema (or holding NaN/infinity), kept in errors.jsonl
 * @param dropped entries refused because the queue stayed full, or logged after close
 * @param unwritten entries that could not be written because the disk refused them (full, unwritable, too large)
 * @param unconfirmed entries written whose fsync failed: they may or may not be on disk, and are not written again
 * @param rotations times the log was rotated
 * @param errorRecordsLost records meant for errors.jsonl that could not be written there (the disk refused them)
 * @param deleted entries written to a log that was then deleted (or renamed away) by someone else during the run: no
 *        longer in the session's log (counted among {@code written}; errors.jsonl has a {@code log_deleted} record)
 */
public record LoggerStats(long accepted, long written, long rejected, long dropped, long unwritten, long unconfirmed, long rotations,
                          long errorRecordsLost, long deleted) {

    /** Entries that did not reach the log for a reason other than being invalid. */
    public long lost() {
        return dropped + unwritten;
    }

    /** Whether anything went wrong. */
    public boolean clean() {
        return rejected == 0 && dropped == 0 && unwritten == 0 && unconfirmed == 0 && errorRecordsLost == 0 && deleted == 0;
    }
}
