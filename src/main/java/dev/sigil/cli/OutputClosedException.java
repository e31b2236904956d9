package dev.sigil.cli;

import java.io.IOException;

/**
 * Standard output cannot be written: its reader went away ({@code sigil fmt big.jsonl | head -1}: a broken pipe,
 * which is not an error of sigil's and ends the command quietly) or the write failed for another reason (a full
 * disk, which the user must hear about). Raised by {@link StandardOutput}, turned into an exit code by
 * {@link ErrorPolicy}.
 */
final class OutputClosedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean brokenPipe;

    OutputClosedException(IOException cause) {
        super(cause.getMessage(), cause, false, false);
        this.brokenPipe = isBrokenPipe(cause);
    }

    /** True when the reader has gone: EPIPE, whose text the JDK passes on from the C library, or a closed stream. */
    boolean brokenPipe() {
        return brokenPipe;
    }

    private static boolean isBrokenPipe(IOException e) {
        String m = e.getMessage();
        if (m == null) {
            return false;
        }
        String lower = m.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("pipe") || lower.contains("stream closed");
    }
}
