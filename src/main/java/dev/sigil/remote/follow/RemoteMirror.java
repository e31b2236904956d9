package dev.sigil.remote.follow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.sigil.remote.RemoteUrl;

/**
 * A remote session's log copied, as it comes, into a local file that {@code sigil monitor}'s own pipeline follows
 * (ADR 0141): a {@link RemoteFollower} on a thread of its own writes each message of whole lines at its offset, so the
 * file is the concatenation of the session's parts, byte for byte, however often the connection drops. What happens
 * to the connection goes to {@code notes}, one line each ("reconnecting (3) from offset O: why").
 */
final class RemoteMirror implements AutoCloseable {

    private final RemoteFollower follower;
    private final FileChannel file;
    private final Thread thread;
    private final CountDownLatch answered = new CountDownLatch(1);
    private final Consumer<String> notes;
    private volatile RemoteFollower.Outcome outcome;
    private volatile long reconnecting;

    RemoteMirror(RemoteUrl url, ClientTls tls, String token, boolean follow, Path copy, Consumer<String> notes) throws IOException {
        this.notes = notes;
        this.file = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.follower = new RemoteFollower(url::logStream, tls, token, 0, follow, new Sink());
        this.thread = new Thread(this::run, "sigil-monitor-remote");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            outcome = follower.run();
            if (outcome.refusal() != null) {
                notes.accept("refused: " + outcome.refusal());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            answered.countDown();
        }
    }

    /**
     * Waits until the first connection is answered (the server greeted it or refused it, or it could not be made and
     * the follower reconnects) or {@code millis} passed; the refusal, or null.
     */
    String awaitFirst(long millis) throws InterruptedException {
        answered.await(millis, TimeUnit.MILLISECONDS);
        RemoteFollower.Outcome o = outcome;
        return o == null ? null : o.refusal();
    }

    /** Waits until the follower ended (without following: at the end the server said); the refusal, or null. */
    String awaitEnd() throws InterruptedException {
        thread.join();
        RemoteFollower.Outcome o = outcome;
        return o == null ? null : o.refusal();
    }

    @Override
    public void close() {
        follower.stop();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            file.close();
        } catch (IOException e) {
            // the copy is deleted with its directory
        }
    }

    private final class Sink implements RemoteFollower.Sink {
        @Override
        public void lines(byte[] bytes, long offset) {
            try {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                for (long at = offset; b.hasRemaining(); ) {
                    at += file.write(b, at);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void note(String text) {
            if (text.startsWith("reconnecting")) {
                reconnecting++;
                answered.countDown(); // unreachable: nothing to wait for, the monitor opens and says so
            }
            notes.accept(text);
        }

        @Override
        public void connected(long offset) {
            answered.countDown();
            if (reconnecting > 0) {
                notes.accept("reconnected at offset " + offset);
                reconnecting = 0;
            }
        }
    }
}
