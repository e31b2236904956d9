package dev.sigil.log;

import java.io.IOException;

/** A path inside the log directory that sigil refuses to write through: a symbolic link, or not what it should be. */
public final class UnsafePathException extends IOException {

    private static final long serialVersionUID = 1L;

    public UnsafePathException(String message) {
        super(message);
    }
}
