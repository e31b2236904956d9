package dev.sigil.tail;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Tailer} reads.
 *
 * @param pollInterval pause between two polls that found nothing new (default 100 ms)
 * @param maxLineBytes longest line kept, in bytes; longer lines are skipped and counted (default 1 MiB)
 * @param rotateWaitPolls after a rotation, how many consecutive polls the old file must stay quiet before it is
 *        closed (default 20, two seconds at the default interval): a writer that still appends to it is not lost
 * @param readChunkBytes bytes read per system call, and the most lines one {@link TailEvent.Lines} batch covers
 * @param partsFirst when the name is first opened, read the numbered parts a rotating writer left next to it
 *        ({@code execution.1.jsonl}, ...) first, oldest first: the whole session, as the monitor wants it (default
 *        off: like {@code tail -F}, start at the file the name refers to)
 * @param eventsAhead whether each entry's {@link TailEntry#event()} is worked out while the lines are decoded (on
 *        every core), for a consumer that needs the event of every line (the monitor); otherwise it is worked out
 *        when first asked for
 * @param decodeGroupBytes lines are decoded in groups of about this many bytes, one group on the helper thread while
 *        the previous one is handed out (ADR 0041); bigger groups read faster, smaller ones keep fewer entries alive
 *        at once (default 1 MiB; the monitor, whose heap is small, takes 256 KiB)
 * @param clock the wall clock, compared with the file system's change times to tell when a file has been quiet
 *        long enough that an unchanged stamp proves it unchanged ({@link FileStamp})
 * @param watch whether {@link Tailer#run()} also looks as soon as the file system reports a change ({@link ChangeWatch},
 *        inotify on Linux), between its polls (default on; off: polls only)
 */
public record TailOptions(Duration pollInterval, int maxLineBytes, int rotateWaitPolls, int readChunkBytes, boolean partsFirst,
                          boolean eventsAhead, int decodeGroupBytes, Clock clock, boolean watch) {

    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    public TailOptions {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive");
        }
        Objects.requireNonNull(clock);
        if (maxLineBytes < 1 || rotateWaitPolls < 0 || readChunkBytes < 1 || decodeGroupBytes < 1) {
            throw new IllegalArgumentException(
                    "maxLineBytes, readChunkBytes and decodeGroupBytes must be positive, rotateWaitPolls not negative");
        }
    }

    public static TailOptions defaults() {
        return new TailOptions(Duration.ofMillis(100), DEFAULT_MAX_LINE_BYTES, 20, 64 << 10, false, false, 1 << 20, Clock.systemUTC(), true);
    }

    public TailOptions withPollInterval(Duration interval) {
        return new TailOptions(interval, maxLineBytes, rotateWaitPolls, readChunkBytes, partsFirst, eventsAhead, decodeGroupBytes, clock, watch);
    }

    public TailOptions withMaxLineBytes(int max) {
        return new TailOptions(pollInterval, max, rotateWaitPolls, readChunkBytes, partsFirst, eventsAhead, decodeGroupBytes, clock, watch);
    }

    public TailOptions withRotateWaitPolls(int polls) {
        return new TailOptions(pollInterval, maxLineBytes, polls, readChunkBytes, partsFirst, eventsAhead, decodeGroupBytes, clock, watch);
    }

    public TailOptions withPartsFirst(boolean first) {
        return new TailOptions(pollInterval, maxLineBytes, rotateWaitPolls, readChunkBytes, first, eventsAhead, decodeGroupBytes, clock, watch);
    }

    public TailOptions withEventsAhead(boolean ahead) {
        return new TailOptions(pollInterval, maxLineBytes, rotateWaitPolls, readChunkBytes, partsFirst, ahead, decodeGroupBytes, clock, watch);
    }

    public TailOptions withDecodeGroupBytes(int bytes) {
        return new TailOptions(pollInterval, maxLineBytes, rotateWaitPolls, readChunkBytes, partsFirst, eventsAhead, bytes, clock, watch);
    }

    public TailOptions withClock(Clock wallClock) {
        return new TailOptions(pollInterval, maxLineBytes, rotateWaitPolls, readChunkBytes, partsFirst, eventsAhead, decodeGroupBytes, wallClock, watch);
    }

    public TailOptions withWatch(boolean events) {
        return new TailOptions(pollInterval, maxLineBytes, rotateWaitPolls, readChunkBytes, partsFirst, eventsAhead, decodeGroupBytes, clock, events);
    }

    public TailOptions withReadChunkBytes(int bytes) {
        return new TailOptions(pollInterval, maxLineBytes, rotateWaitPolls, bytes, partsFirst, eventsAhead, decodeGroupBytes, clock, watch);
    }
}
