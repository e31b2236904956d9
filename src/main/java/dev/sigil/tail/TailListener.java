package dev.sigil.tail;

/**
 * Receives a {@link Tailer}'s events, on the thread that polls. Keep it quick (hand the event to a queue); an
 * exception thrown here stops the poll and reaches the caller of {@link Tailer#poll()}.
 */
@FunctionalInterface
public interface TailListener {
    void onEvent(TailEvent event);
}
