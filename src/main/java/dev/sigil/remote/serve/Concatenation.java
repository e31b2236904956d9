package dev.sigil.remote.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import dev.sigil.tail.TailSource;

/**
 * Open files read as one: a session's parts and its active log, end to end, with offsets counted over all of them.
 * Sizes are taken once, when it is made, so a writer appending meanwhile changes nothing of what is read.
 */
final class Concatenation {

    private static final int CHUNK = 64 << 10;

    private final List<TailSource.Handle> files;
    private final long[] sizes;
    private final long total;

    Concatenation(List<TailSource.Handle> files) throws IOException {
        this.files = files;
        this.sizes = new long[files.size()];
        long t = 0;
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = files.get(i).size();
            t += sizes[i];
        }
        this.total = t;
    }

    long total() {
        return total;
    }

    /** Copies the bytes from {@code from} to the end of the last complete line, returns how many. */
    long copyWholeLines(long from, OutputStream out) throws IOException {
        long end = endOfLastLine();
        if (end <= from) {
            return 0;
        }
        byte[] buffer = new byte[CHUNK];
        long base = 0;
        long copied = 0;
        for (int i = 0; i < files.size() && base < end; i++) {
            long fileEnd = base + sizes[i];
            long position = Math.max(from, base);
            while (position < Math.min(fileEnd, end)) {
                int want = (int) Math.min(buffer.length, Math.min(fileEnd, end) - position);
                int n = files.get(i).read(position - base, buffer, 0, want);
                if (n <= 0) {
                    throw new IOException("the log shrank while it was read");
                }
                out.write(buffer, 0, n);
                position += n;
                copied += n;
            }
            base = fileEnd;
        }
        return copied;
    }

    /** The offset just after the last newline, or 0. */
    long endOfLastLine() throws IOException {
        byte[] buffer = new byte[CHUNK];
        long base = total;
        for (int i = files.size() - 1; i >= 0; i--) {
            base -= sizes[i];
            long end = sizes[i];
            while (end > 0) {
                int want = (int) Math.min(buffer.length, end);
                int n = files.get(i).read(end - want, buffer, 0, want);
                if (n != want) {
                    throw new IOException("the log shrank while it was read");
                }
                for (int k = want - 1; k >= 0; k--) {
                    if (buffer[k] == '\n') {
                        return base + end - want + k + 1;
                    }
                }
                end -= want;
            }
        }
        return 0;
    }
}
