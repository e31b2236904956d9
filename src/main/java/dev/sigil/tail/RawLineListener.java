package dev.sigil.tail;

/**
 * Receives every complete line of a raw {@link Tailer} ({@link Tailer#raw}) exactly as it is in the file, without
 * decoding it: what the remote stream forwards (docs/remote.md), so that a follower elsewhere can write the same bytes.
 * Called on the polling thread; blocking here holds the tailer back (the bound of the one who waits).
 */
public interface RawLineListener {

    /**
     * Line {@code number} (1-based, in its file) starting at byte {@code offset} of its file: {@code bytes[from, to)},
     * its newline excluded. The slice is valid only during the call.
     */
    void line(String source, long number, long offset, byte[] bytes, int from, int to);

    /** A line that was not handed out (too long, torn), or a change of the file behind the name. */
    void onEvent(TailEvent event);
}
