package dev.sigil.reliability;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.tail.SkipReason;
import dev.sigil.tail.TailEntry;
import dev.sigil.tail.TailEvent;
import dev.sigil.tail.TailListener;

/** Keeps what a tailer reports, from its thread, for the test's thread: entries' messages, skips, file changes. */
final class TailCollector implements TailListener {

    private final List<String> messages = new ArrayList<>();
    private final List<TailEvent> others = new ArrayList<>();

    @Override
    public synchronized void onEvent(TailEvent event) {
        if (event instanceof TailEvent.Lines lines) {
            for (TailEntry e : lines.entries()) {
                messages.add(e.event().message());
            }
        } else {
            others.add(event);
        }
        notifyAll();
    }

    synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    synchronized long skipped(SkipReason reason) {
        return others.stream().filter(e -> e instanceof TailEvent.Skipped s && s.reason() == reason).count();
    }

    synchronized List<TailEvent> skipsOtherThan(SkipReason allowed) {
        return others.stream().filter(e -> e instanceof TailEvent.Skipped s && s.reason() != allowed).toList();
    }

    synchronized List<TailEvent> events() {
        return List.copyOf(others);
    }

    /** Waits until an entry with this message arrived; false after {@code millis}. */
    synchronized boolean awaitMessage(String message, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!messages.contains(message)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
