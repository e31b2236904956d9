package dev.sigil.monitor.state;

/**
 * What a checkpoint of the fold holds (ADR 0165): the session as folded from every line of the log, and what the
 * reader counted on the way (lines skipped, lines with invalid UTF-8, lines no format recognised, the latest format).
 *
 * @param session the session folded from the whole log
 * @param malformed lines that were not JSON objects
 * @param tooLong lines longer than the bound
 * @param invalidUtf8 lines with invalid UTF-8
 * @param unrecognised lines no format recognised
 * @param format the format of the latest recognised line ("" before one)
 */
public record SavedFold(SessionStats session, long malformed, long tooLong, long invalidUtf8, long unrecognised, String format) {

    /** What {@code state} shows as folded. */
    public static SavedFold of(MonitorState state) {
        ReaderStatus r = state.reader();
        return new SavedFold(state.session(), r.malformed(), r.tooLong(), r.invalidUtf8(), r.unrecognised(), r.format());
    }
}
