package dev.sigil.monitor;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.tail.TailEntry;
import dev.sigil.tail.TailEvent;

/**
 * What the tailer reports while a log's backlog is folded (ADR 0165), as actions: the lines, and after them how far
 * the fold has come ({@link MonitorAction.BacklogFolded}); the batch that holds the line that was the newest when the
 * monitor started is cut after it, so that the fold said done is the fold of the log as it stood then, whatever was
 * appended meanwhile (those lines follow, counted once). The lines of the backlog are folded here, in chunks
 * ({@link FoldChunks}, ADR 0205), and each fold goes with the progress. With a checkpoint restored, the lines it holds
 * are passed over instead. One reader's thread; pure apart from its own counters.
 */
final class BacklogFeed {

    /** Nothing to track: every event as {@link TailActions} makes it. */
    static BacklogFeed none() {
        return new BacklogFeed(-1, -1, "", -1, false, null);
    }

    private final long bytes;
    private final long lastOffset;
    private final String checkpoint;
    /** Lines before this offset are in the restored checkpoint: not posted again. */
    private final long skipBelow;
    /** Whether the tailer may pass over the lines the checkpoint holds, undecoded. */
    private final boolean passOver;
    /** The backlog folded here, on the reader's thread (ADR 0205); null when its lines go to the screen as they are. */
    private final FoldChunks fold;
    /** Set by the thread that folds (ADR 0285), read by the reader's to know where its lines go. */
    private volatile boolean done;

    private BacklogFeed(long bytes, long lastOffset, String checkpoint, long skipBelow, boolean passOver, FoldChunks fold) {
        this.passOver = passOver;
        this.bytes = bytes;
        this.lastOffset = lastOffset;
        this.checkpoint = checkpoint;
        this.skipBelow = skipBelow;
        this.fold = fold;
        this.done = lastOffset < 0;
    }

    /**
     * A backlog of {@code bytes} whose newest line at the start is at {@code lastOffset}, folded on the reader's thread
     * in chunks of {@code chunk} (ADR 0205).
     */
    static BacklogFeed folding(long bytes, long lastOffset, String checkpoint, FoldChunks chunk) {
        return new BacklogFeed(bytes, lastOffset, checkpoint, -1, false, chunk);
    }

    /**
     * A log whose first {@code size} bytes are in a restored checkpoint; with {@code passOver}, the tailer need not
     * decode their lines ({@link dev.sigil.tail.Tailer#passOver}).
     */
    static BacklogFeed restored(long size, boolean passOver) {
        return new BacklogFeed(-1, -1, "", size, passOver, null);
    }

    /** Whether the backlog is still being folded here (ADR 0205): its lines are to go to the fold's stage (ADR 0285). */
    boolean folding() {
        return fold != null && !done;
    }

    /** The offset below which the tailer may pass over the lines undecoded (a restored checkpoint holds them), or -1. */
    long passOverBelow() {
        return passOver ? skipBelow : -1;
    }

    List<MonitorAction> actions(TailEvent event, long nowMillis) {
        if (event instanceof TailEvent.FileChanged) {
            return changed(event, nowMillis);
        }
        if (event instanceof TailEvent.Skipped s) {
            if (s.offset() < skipBelow) {
                return List.of();
            }
            if (!done && fold != null) {
                fold.skipped(s);
                return progress(s.offset(), new ArrayList<>(1), nowMillis);
            }
            List<MonitorAction> out = new ArrayList<>(TailActions.of(event, nowMillis));
            progress(s.offset(), out, nowMillis);
            return out;
        }
        TailEvent.Lines lines = (TailEvent.Lines) event;
        List<TailEntry> entries = lines.entries();
        int from = 0;
        while (from < entries.size() && entries.get(from).offset() < skipBelow) {
            from++;
        }
        if (done || from == entries.size()) {
            return from == 0 ? TailActions.of(event, nowMillis)
                    : from == entries.size() ? List.of() : TailActions.of(slice(lines, from, entries.size()), nowMillis);
        }
        int cut = from;
        while (cut < entries.size() && entries.get(cut).offset() < lastOffset) {
            cut++;
        }
        cut = Math.min(entries.size(), cut + 1); // the newest line of the start, when this batch holds it
        List<MonitorAction> out = new ArrayList<>(2);
        if (fold != null) {
            fold.add(lines.source(), entries.subList(from, cut));
        } else {
            out.addAll(TailActions.of(slice(lines, from, cut), nowMillis));
        }
        progress(entries.get(cut - 1).offset(), out, nowMillis);
        if (cut < entries.size()) {
            out.addAll(TailActions.of(slice(lines, cut, entries.size()), nowMillis));
        }
        return out;
    }

    private List<MonitorAction> changed(TailEvent event, long nowMillis) {
        List<MonitorAction> out = new ArrayList<>(TailActions.of(event, nowMillis));
        TailEvent.Change c = ((TailEvent.FileChanged) event).change();
        if (!done && c != TailEvent.Change.APPEARED && c != TailEvent.Change.READABLE && c != TailEvent.Change.UNREADABLE) {
            done = true; // another file now: no backlog of the old one to finish, nothing to keep
            if (fold != null) {
                out.add(0, new MonitorAction.BacklogFolded(bytes, false, "", fold.fold(nowMillis))); // the old file's lines first
            }
            out.add(new MonitorAction.BacklogFolded(bytes, true, ""));
        }
        return out;
    }

    /**
     * How far the fold has come, after the line at {@code offset}: folded on the reader's thread, only when a chunk is
     * full or the backlog done (the fold goes with it); otherwise after every batch.
     */
    private List<MonitorAction> progress(long offset, List<MonitorAction> out, long nowMillis) {
        if (done) {
            return out;
        }
        done = offset >= lastOffset;
        if (fold == null) {
            out.add(new MonitorAction.BacklogFolded(done ? bytes : offset, done, done ? checkpoint : ""));
        } else if (done || fold.full()) {
            // A fold not shown (null) goes as progress alone (ADR 0250).
            out.add(new MonitorAction.BacklogFolded(done ? bytes : offset, done, done ? checkpoint : "", fold.fold(nowMillis, done)));
        }
        return out;
    }

    private static TailEvent.Lines slice(TailEvent.Lines lines, int from, int to) {
        return from == 0 && to == lines.entries().size() ? lines : new TailEvent.Lines(lines.source(), lines.entries().subList(from, to));
    }
}
