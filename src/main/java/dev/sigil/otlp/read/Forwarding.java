package dev.sigil.otlp.read;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.sigil.layout.LogLayout;
import dev.sigil.otlp.TraceFolder;
import dev.sigil.otlp.TraceLine;
import dev.sigil.tail.FileTailSource;
import dev.sigil.tail.TailEntry;
import dev.sigil.tail.TailEvent;
import dev.sigil.tail.TailListener;
import dev.sigil.tail.TailSource;
import dev.sigil.text.TerminalText;

/**
 * The tailer's events into the fold: each line, with the session of the file it came from for lines that name none;
 * skipped lines are counted and said (PATH:LINE: reason), as {@code sigil tail} says them.
 */
final class Forwarding implements TailListener {

    private final TraceFolder folder;
    private final Consumer<String> notes;
    private final Map<String, String> fileSessions = new HashMap<>();
    private long skipped;

    Forwarding(List<? extends TailSource> sources, TraceFolder folder, Consumer<String> notes) {
        this.folder = folder;
        this.notes = notes;
        for (TailSource s : sources) {
            Path path = s instanceof FileTailSource f ? f.path() : Path.of(s.name());
            fileSessions.put(s.name(), LogLayout.sessionOf(path));
        }
    }

    @Override
    public void onEvent(TailEvent event) {
        if (event instanceof TailEvent.Lines lines) {
            String session = fileSessions.getOrDefault(lines.source(), lines.source());
            for (TailEntry entry : lines.entries()) {
                folder.line(TraceLine.of(entry.json(), entry.event(), session));
            }
        } else if (event instanceof TailEvent.Skipped s) {
            skipped++;
            notes.accept(TerminalText.visible(s.source() + ":" + s.line() + ": skipped, " + s.reason().description()
                    + (s.detail().isEmpty() ? "" : " (" + s.detail() + ")")));
        }
    }

    long skipped() {
        return skipped;
    }
}
