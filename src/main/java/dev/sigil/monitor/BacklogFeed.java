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
 * appended meanwhile (those lines follow, counted once). With a checkpoint restored, the lines it holds are passed
 * over instead. One reader's thread; pure apart from its own counters.
 */
final class BacklogFeed {

    /** Nothing to track: every event as {@link TailActions} makes it. */
    static BacklogFeed none() {
        return new BacklogFeed(-1, -1, "", -1, false);
    }

    private final long bytes;
    private final long lastOffset;
    private final String checkpoint;
    /** Lines before this offset are in the restored checkpoint: not posted again. */
    private final long skipBelow;
    /** Whether the tailer may pass over the lines the checkpoint holds, undecoded. */
    private final boolean passOver;
    private boolean done;

    private BacklogFeed(long bytes, long lastOffset, String checkpoint, long skipBelow, boolean passOver) {
        this.passOver = passOver;
        this.bytes = bytes;
        this.lastOffset = lastOffset;
        this.checkpoint = checkpoint;
        this.skipBelow = skipBelow;
        this.done = lastOffset < 0;
    }

    /** A backlog of {@code bytes} whose newest line at the start is at {@code lastOffset}. */
    static BacklogFeed folding(long bytes, long lastOffset, String checkpoint) {
        return new BacklogFeed(bytes, lastOffset, checkpoint, -1, false);
    }

    /**
     * A log whose first {@code size} bytes are in a restored checkpoint; with {@code passOver}, the tailer need not
     * decode their lines ({@link dev.sigil.tail.Tailer#passOver}).
     */
    static BacklogFeed restored(long size, boolean passOver) {
        return new BacklogFeed(-1, -1, "", size, passOver);
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
            List<MonitorAction> out = new ArrayList<>(TailActions.of(event, nowMillis));
            progress(s.offset(), out);
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
        List<MonitorAction> out = new ArrayList<>(TailActions.of(slice(lines, from, cut), nowMillis));
        progress(entries.get(cut - 1).offset(), out);
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
            out.add(new MonitorAction.BacklogFolded(bytes, true, ""));
        }
        return out;
    }

    private void progress(long offset, List<MonitorAction> out) {
        if (done) {
            return;
        }
        done = offset >= lastOffset;
        out.add(new MonitorAction.BacklogFolded(done ? bytes : offset, done, done ? checkpoint : ""));
    }

    private static TailEvent.Lines slice(TailEvent.Lines lines, int from, int to) {
        return from == 0 && to == lines.entries().size() ? lines : new TailEvent.Lines(lines.source(), lines.entries().subList(from, to));
    }
}
