package dev.sigil.remote.serve;

/**
 * The bound of what one client has been sent and not yet taken: a sender reserves the bytes of a message before
 * handing it to the socket and the socket's completion releases them, so the server holds at most {@code capacity}
 * bytes per client (one message larger than that still goes alone). A client that takes nothing for
 * {@code stallMillis} while the window is full makes {@link #reserve} say no: the sender then closes with the offset
 * to resume from, instead of holding its bytes for ever.
 */
final class SendWindow {

    private final long capacity;
    private final long stallMillis;
    private long inFlight;
    private long lastProgress = System.nanoTime();
    private boolean closed;

    SendWindow(long capacity, long stallMillis) {
        this.capacity = capacity;
        this.stallMillis = stallMillis;
    }

    /** Waits for room for {@code bytes}; false if the client took nothing for the stall time, or the window closed. */
    synchronized boolean reserve(long bytes) throws InterruptedException {
        while (!closed && inFlight > 0 && inFlight + bytes > capacity) {
            long left = stallMillis - (System.nanoTime() - lastProgress) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        if (closed) {
            return false;
        }
        inFlight += bytes;
        return true;
    }

    synchronized void release(long bytes) {
        inFlight -= bytes;
        lastProgress = System.nanoTime();
        notifyAll();
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized long inFlight() {
        return inFlight;
    }
}
