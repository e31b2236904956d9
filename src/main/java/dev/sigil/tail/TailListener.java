package dev.sigil.tail;

/**
 * Receives a {@link Tailer}'s events, on the thread that polls. Keep it quick (hand the event to a queue); an
 * exception thrown here stops the poll and reaches the caller of {@link Tailer#poll()}.
 */
@FunctionalInterface
public interface TailListener {
    void onEvent(TailEvent event);

    /**
     * Whether this listener may keep an entry, or ask for its {@link TailEntry#json()} or {@link TailEntry#event()},
     * after {@link #onEvent} has returned. A listener that says no lets the tailer write the next lines into the
     * memory of the lines it handed out (ADR 0302); every entry is then handed out before that happens.
     */
    default boolean keepsEntries() {
        return true;
    }
}
