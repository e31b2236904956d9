package dev.sigil.remote.serve;

import java.nio.ByteBuffer;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import dev.sigil.remote.CloseCode;

/**
 * What the server's streams share: a thread of their own once the client is there ({@link #follow()}), a
 * {@link SendWindow} that bounds what the client has been sent and not taken, and the refusal of anything the client
 * sends (these streams take no messages).
 *
 * <p>Public only because Jetty calls its methods through method handles; its kinds are made by {@link StreamServer}.
 */
public abstract class WindowedStream implements Session.Listener.AutoDemanding {

    private final String threadName;
    final StreamSettings settings;
    final ServeCounts counts;
    final SendWindow window;
    volatile Session session;
    volatile boolean open = true;

    WindowedStream(String threadName, StreamSettings settings, ServeCounts counts) {
        this.threadName = threadName;
        this.settings = settings;
        this.counts = counts;
        this.window = new SendWindow(settings.windowBytes(), settings.stall().toMillis());
    }

    /** Runs on the stream's thread until the stream closes. */
    abstract void follow();

    @Override
    public final void onWebSocketOpen(Session s) {
        this.session = s;
        counts.stream();
        Thread thread = new Thread(this::follow, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public final void onWebSocketText(String message) {
        close(CloseCode.BAD_REQUEST, "this stream takes no messages");
    }

    @Override
    public final void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        callback.succeed();
        close(CloseCode.BAD_REQUEST, "this stream takes no messages");
    }

    @Override
    public final void onWebSocketClose(int statusCode, String reason) {
        stop();
    }

    @Override
    public final void onWebSocketError(Throwable cause) {
        stop();
    }

    final void stop() {
        open = false;
        window.close();
    }

    final void close(CloseCode code, String reason) {
        if (open) {
            counts.refused(code.name());
        }
        stop();
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close(code.code(), reason, Callback.NOOP);
        }
    }

    /** Sends a text message once the window has room; false when the stream closed (or was closed, stalled). */
    final boolean sendText(String text) throws InterruptedException {
        int weight = text.length() * 3;
        if (!open || !reserve(weight)) {
            return false;
        }
        session.sendText(text, Callback.from(() -> window.release(weight), e -> window.release(weight)));
        return true;
    }

    /** Sends whole lines once the window has room, counted as sent. */
    final void sendBinary(byte[] bytes) throws InterruptedException {
        int n = bytes.length;
        if (!open || !reserve(n)) {
            return;
        }
        counts.sent(n);
        session.sendBinary(ByteBuffer.wrap(bytes), Callback.from(() -> window.release(n), e -> window.release(n)));
    }

    private boolean reserve(long bytes) throws InterruptedException {
        if (window.reserve(bytes)) {
            return true;
        }
        if (open) {
            close(CloseCode.STALLED, "the client took nothing for " + settings.stall().toSeconds() + " s; reconnect from the last offset");
        }
        return false;
    }
}
