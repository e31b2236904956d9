package dev.sigil.otlp.read;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import dev.sigil.otlp.ExportCounts;
import dev.sigil.otlp.OtlpExport;
import dev.sigil.otlp.TraceFolder;
import dev.sigil.tail.TailOptions;
import dev.sigil.tail.TailSource;
import dev.sigil.tail.Tailer;

/**
 * Follows logs on a thread of its own and exports their lines as they arrive (live {@code --otlp}): its own tailer,
 * so the command's reading (a dashboard, a printer, the pipeline) never waits on it, and the export's outbox, which
 * never waits on the collector. {@link #finish} reads what is left, ends the open spans and closes the export.
 */
public final class LiveForwarder {

    private final Tailer tailer;
    private final TraceFolder folder;
    private final OtlpExport export;
    private final Thread thread;
    private ExportCounts counts;

    private LiveForwarder(List<? extends TailSource> sources, TailOptions options, TraceFolder folder, OtlpExport export,
                          Consumer<String> notes) {
        this.folder = folder;
        this.export = export;
        this.tailer = new Tailer(sources, options.withPartsFirst(true), new Forwarding(sources, folder, notes));
        this.thread = new Thread(tailer::run, "sigil-otlp-follow");
        thread.setDaemon(true);
    }

    /** Starts following {@code sources} into {@code folder}, whose sink is {@code export}. */
    public static LiveForwarder start(List<? extends TailSource> sources, TailOptions options, TraceFolder folder, OtlpExport export,
                                      Consumer<String> notes) {
        LiveForwarder f = new LiveForwarder(sources, options, folder, export, notes);
        f.thread.start();
        return f;
    }

    /**
     * Stops following once what the files hold now is read, ends the spans still open (unfinished) and closes the
     * export, waiting at most {@code wait} for the collector. Idempotent.
     */
    public synchronized ExportCounts finish(Duration wait) {
        if (counts != null) {
            return counts;
        }
        tailer.stop();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // still finish: what was read is sent
        }
        while (!thread.isAlive() && tailer.poll() > 0) {
            // the last bytes written before the stop
        }
        tailer.close();
        folder.finish();
        counts = export.close(wait);
        return counts;
    }
}
