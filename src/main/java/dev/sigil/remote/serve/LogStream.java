package dev.sigil.remote.serve;

import java.nio.file.Path;
import java.util.Arrays;

import dev.sigil.remote.CloseCode;
import dev.sigil.remote.Messages;
import dev.sigil.tail.RawLineListener;
import dev.sigil.tail.SkipReason;
import dev.sigil.tail.TailEvent;
import dev.sigil.tail.TailOptions;
import dev.sigil.tail.Tailer;

/**
 * One client's stream of a session's log bytes from an offset on ({@code /sessions/ID?from=N}): a raw tailer of its
 * own on a thread of its own reads the parts and then the live file, skips what comes before the offset, and sends
 * whole lines in binary messages of up to 64 KiB through the client's {@link SendWindow}; text messages say where the
 * bytes start, where the stream stands, and what was skipped ({@link Messages}).
 *
 * <p>Public only because Jetty calls its methods through method handles; made by {@link StreamServer} alone.
 */
public final class LogStream extends WindowedStream {

    private static final int BATCH_BYTES = 64 << 10;

    private final SessionLogs logs;
    private final String id;
    private final Path log;
    private final long from;

    LogStream(SessionLogs logs, String id, Path log, long from, StreamSettings settings, ServeCounts counts) {
        super("sigil-serve-" + id, settings, counts);
        this.logs = logs;
        this.id = id;
        this.log = log;
        this.from = from;
    }

    @Override
    void follow() {
        try {
            long[] size = logs.size(log);
            if (from > size[0]) {
                close(CloseCode.PAST_END, "offset " + from + " is past the end of the log (" + size[0] + " bytes)");
                return;
            }
            if (!sendText(Messages.hello(id, from, size[1]))) {
                return;
            }
            Lines lines = new Lines();
            TailOptions options = TailOptions.defaults().withPartsFirst(true).withPollInterval(settings.poll())
                    .withMaxLineBytes(settings.maxLineBytes());
            try (Tailer tailer = Tailer.raw(logs.source(log), options, lines)) {
                long beat = System.nanoTime();
                while (open) {
                    long read = tailer.poll();
                    lines.send();
                    if (System.nanoTime() - beat > settings.heartbeat().toNanos()) {
                        beat = System.nanoTime();
                        sendText(Messages.heartbeat(lines.position));
                    }
                    if (read == 0 && open) {
                        Thread.sleep(settings.poll().toMillis());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException | RuntimeException e) {
            close(CloseCode.NOT_FOUND, "cannot read the log: " + e.getMessage());
        }
    }

    /** The lines the tailer reads, counted from the start of the session's first part, gathered into messages. */
    private final class Lines implements RawLineListener {
        /** Offset just after the last line seen (sent or to be sent). */
        long position;
        private byte[] batch = new byte[BATCH_BYTES];
        private int batchLength;

        @Override
        public void line(String source, long number, long offset, byte[] bytes, int from0, int to) {
            long length = to - from0 + 1L;
            long start = position;
            position += length;
            if (position <= from || !open) {
                return;
            }
            if (start < from) {
                close(CloseCode.BAD_REQUEST, "offset " + from + " is inside a line (it starts at " + start + ")");
                return;
            }
            if (batchLength + length > batch.length) {
                send();
                if (length > batch.length) {
                    batch = new byte[(int) length];
                }
            }
            System.arraycopy(bytes, from0, batch, batchLength, to - from0);
            batch[batchLength + to - from0] = '\n';
            batchLength += (int) length;
        }

        @Override
        public void onEvent(TailEvent event) {
            send();
            try {
                if (event instanceof TailEvent.Skipped s && s.reason() == SkipReason.TOO_LONG) {
                    long start = position;
                    position += s.length() + 1;
                    if (position > from) {
                        sendText(Messages.skipped(start, s.length(), "longer than the server's bound of " + settings.maxLineBytes() + " bytes"));
                    }
                } else if (event instanceof TailEvent.FileChanged c) {
                    if (c.change() == TailEvent.Change.TRUNCATED || c.change() == TailEvent.Change.REPLACED) {
                        close(CloseCode.REWRITTEN, "the log was " + (c.change() == TailEvent.Change.TRUNCATED ? "truncated" : "replaced")
                                + "; its offsets start again at 0");
                    } else {
                        sendText(Messages.file(c.change().name().toLowerCase(java.util.Locale.ROOT), c.detail()));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
            }
        }

        /** Sends the gathered lines, waiting for room in the window. */
        void send() {
            if (batchLength == 0 || !open) {
                batchLength = 0;
                return;
            }
            byte[] message = Arrays.copyOf(batch, batchLength);
            batchLength = 0;
            if (batch.length > BATCH_BYTES) {
                batch = new byte[BATCH_BYTES];
            }
            try {
                sendBinary(message);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
            }
        }
    }
}
