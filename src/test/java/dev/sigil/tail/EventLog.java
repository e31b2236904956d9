package dev.sigil.tail;

import java.util.ArrayList;
import java.util.List;

/** A listener for tests: keeps every event and shows them as short text ("msg a1", "ROTATED", "skip TORN"). */
final class EventLog implements TailListener {

    final List<TailEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(TailEvent event) {
        events.add(event);
    }

    /** Every event as text, in order; entries by their message. */
    synchronized List<String> text() {
        List<String> out = new ArrayList<>();
        for (TailEvent e : events) {
            if (e instanceof TailEvent.Lines lines) {
                lines.entries().forEach(entry -> out.add(entry.event().message()));
            } else if (e instanceof TailEvent.Skipped s) {
                out.add("skip " + s.reason());
            } else if (e instanceof TailEvent.FileChanged c) {
                out.add(c.change().name());
            }
        }
        return out;
    }

    /** The messages of all entries, in order. */
    synchronized List<String> messages() {
        List<String> out = new ArrayList<>();
        for (TailEvent e : events) {
            if (e instanceof TailEvent.Lines lines) {
                lines.entries().forEach(entry -> out.add(entry.event().message()));
            }
        }
        return out;
    }

    synchronized List<TailEntry> entries() {
        List<TailEntry> out = new ArrayList<>();
        for (TailEvent e : events) {
            if (e instanceof TailEvent.Lines lines) {
                out.addAll(lines.entries());
            }
        }
        return out;
    }

    synchronized void clear() {
        events.clear();
    }

    /** A JSON line with this message. */
    static String line(String message) {
        return "{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"component\":\"routing\",\"event_type\":\"step_complete\",\"message\":\"" + message + "\"}\n";
    }
}
