package dev.sigil.log;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.layout.LogLayout;
import dev.sigil.layout.SessionId;

/** The one line a closing logger prints when not every entry reached the log. */
final class LossSummary {

    private LossSummary() {
    }

    static String describe(SessionId id, LoggerStats s, Path sessionDir) {
        List<String> parts = new ArrayList<>();
        if (s.rejected() > 0) {
            parts.add(s.rejected() + " rejected as invalid (kept in errors.jsonl)");
        }
        if (s.dropped() > 0) {
            parts.add(s.dropped() + " dropped (queue full or logged after close)");
        }
        if (s.unwritten() > 0) {
            parts.add(s.unwritten() + " could not be written (the disk refused them, or the heap was too small)");
        }
        if (s.unconfirmed() > 0) {
            parts.add(s.unconfirmed() + " written but not confirmed on disk (fsync failed)");
        }
        if (s.deleted() > 0) {
            parts.add(s.deleted() + " were in a log deleted during the run (see errors.jsonl)");
        }
        if (s.errorRecordsLost() > 0) {
            parts.add(s.errorRecordsLost() + " records could not be written to errors.jsonl");
        }
        return "session " + id + ": " + s.written() + " entries written; " + String.join("; ", parts)
                + "; counts in " + sessionDir.resolve(LogLayout.METRICS);
    }
}
