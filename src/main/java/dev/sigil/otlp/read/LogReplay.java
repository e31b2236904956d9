package dev.sigil.otlp.read;

import java.util.List;
import java.util.function.Consumer;

import dev.sigil.otlp.TraceFolder;
import dev.sigil.tail.TailOptions;
import dev.sigil.tail.TailSource;
import dev.sigil.tail.Tailer;

/** Reads logs once to their end into the fold, each file with its rotated parts first (a whole session). */
public final class LogReplay {

    /**
     * What a replay read.
     *
     * @param lines lines folded
     * @param skipped lines skipped (not JSON objects, too long), each said on the notes
     * @param unreadable sources that could not be read at all
     */
    public record Result(long lines, long skipped, int unreadable) {
    }

    private LogReplay() {
    }

    public static Result replay(List<? extends TailSource> sources, TailOptions options, TraceFolder folder, Consumer<String> notes) {
        Forwarding forwarding = new Forwarding(sources, folder, notes);
        int unreadable = 0;
        long before = folder.lines();
        for (TailSource source : sources) {
            try (Tailer tailer = new Tailer(List.of(source), options.withPartsFirst(true), forwarding)) {
                unreadable += tailer.readAll();
            }
        }
        folder.finish();
        return new Result(folder.lines() - before, forwarding.skipped(), unreadable);
    }
}
