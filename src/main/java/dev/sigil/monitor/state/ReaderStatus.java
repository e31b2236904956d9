package dev.sigil.monitor.state;

/**
 * What the tailer reported about the file itself: its name, the lines it had to skip, rotations and truncations.
 *
 * @param source the followed path, for the status bar
 * @param found whether the file has been found
 * @param following whether more lines may come (false with {@code --no-follow})
 * @param malformed lines that were not JSON objects
 * @param tooLong lines longer than the bound
 * @param invalidUtf8 lines that were not valid UTF-8
 * @param truncations times the file shrank
 * @param rotations times the file was rotated
 * @param replacements times the followed path led to another file
 * @param notice the latest notice ("" for none)
 * @param endOfInput whether everything has been read and nothing more will come
 * @param rotationPending a rotation was reported and no line has been read since
 * @param unrecognised JSON objects no format recognised (shown as such, their tokens not counted)
 * @param format the format of the latest line a format recognised ("" before one; docs/formats.md)
 */
public record ReaderStatus(String source, boolean found, boolean following, long malformed, long tooLong,
                           long invalidUtf8, long truncations, long rotations, long replacements, String notice,
                           boolean endOfInput, boolean rotationPending, long unrecognised, String format) {

    static ReaderStatus initial(String source, boolean following) {
        return new ReaderStatus(source, false, following, 0, 0, 0, 0, 0, 0, "", false, false, 0, "");
    }

    /** The same status after lines of which {@code more} were unrecognised and the latest recognised one was in {@code latest}. */
    ReaderStatus read(long more, String latest) {
        String f = latest.isEmpty() ? format : latest;
        return more == 0 && f.equals(format) ? this : new ReaderStatus(source, found, following, malformed, tooLong, invalidUtf8,
                truncations, rotations, replacements, notice, endOfInput, rotationPending, Counts.add(unrecognised, more), f);
    }

    /** Lines skipped for any reason. */
    public long skipped() {
        return malformed + tooLong + invalidUtf8;
    }

    ReaderStatus opened(String newSource) {
        return new ReaderStatus(newSource, true, following, malformed, tooLong, invalidUtf8, truncations, rotations,
                replacements, notice, endOfInput, rotationPending, unrecognised, format);
    }

    ReaderStatus plusSkipped(long m, long t, long u) {
        return new ReaderStatus(source, found, following, Counts.add(malformed, Math.max(0, m)),
                Counts.add(tooLong, Math.max(0, t)), Counts.add(invalidUtf8, Math.max(0, u)), truncations, rotations,
                replacements, notice, endOfInput, rotationPending, unrecognised, format);
    }

    ReaderStatus truncated(String text) {
        return new ReaderStatus(source, true, following, malformed, tooLong, invalidUtf8, truncations + 1, rotations,
                replacements, text, endOfInput, false, unrecognised, format);
    }

    ReaderStatus rotated(String text) {
        return new ReaderStatus(source, true, following, malformed, tooLong, invalidUtf8, truncations, rotations + 1,
                replacements, text, endOfInput, true, unrecognised, format);
    }

    ReaderStatus replaced(String newSource, String text) {
        return new ReaderStatus(newSource, true, following, malformed, tooLong, invalidUtf8, truncations, rotations,
                replacements + 1, text, endOfInput, false, unrecognised, format);
    }

    ReaderStatus withNotice(String text) {
        return new ReaderStatus(source, found, following, malformed, tooLong, invalidUtf8, truncations, rotations,
                replacements, text, endOfInput, rotationPending, unrecognised, format);
    }

    ReaderStatus lineRead() {
        return rotationPending || !found ? new ReaderStatus(source, true, following, malformed, tooLong, invalidUtf8,
                truncations, rotations, replacements, notice, endOfInput, false, unrecognised, format) : this;
    }

    ReaderStatus ended() {
        return new ReaderStatus(source, found, false, malformed, tooLong, invalidUtf8, truncations, rotations,
                replacements, notice, true, rotationPending, unrecognised, format);
    }
}
