package dev.sigil.cli;

import java.io.IOException;
import java.io.OutputStream;

/** Standard output that fails after some bytes, as a pipe does when its reader exits, or a disk when it is full. */
final class FailingOutput extends OutputStream {

    private final long limit;
    private final String error;
    private long written;

    private FailingOutput(long limit, String error) {
        this.limit = limit;
        this.error = error;
    }

    /** The message Linux gives for EPIPE, which the JDK passes on. */
    static FailingOutput brokenPipe(long after) {
        return new FailingOutput(after, "Broken pipe");
    }

    static FailingOutput diskFull(long after) {
        return new FailingOutput(after, "No space left on device");
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (written + len > limit) {
            throw new IOException(error);
        }
        written += len;
    }
}
