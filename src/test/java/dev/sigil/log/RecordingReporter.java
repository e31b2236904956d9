package dev.sigil.log;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects what the logger reports, instead of printing it. */
final class RecordingReporter implements Reporter {

    final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    public void report(String message) {
        messages.add(message);
    }

    long count(String fragment) {
        return messages.stream().filter(m -> m.contains(fragment)).count();
    }
}
