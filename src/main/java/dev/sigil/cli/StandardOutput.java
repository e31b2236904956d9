package dev.sigil.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output as commands write it: a failed write becomes an {@link OutputClosedException}, which passes
 * through picocli's PrintWriter (it swallows only IOExceptions) and through the line splitter's handlers, so that
 * every command stops at the first failed write instead of working on into a closed pipe.
 */
final class StandardOutput extends FilterOutputStream {

    StandardOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) {
        try {
            out.write(b);
        } catch (IOException e) {
            throw new OutputClosedException(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw new OutputClosedException(e);
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new OutputClosedException(e);
        }
    }
}
