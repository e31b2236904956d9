package dev.sigil.monitor.state;

import java.util.List;

import dev.sigil.contract.event.LogEvent;

/**
 * Everything that can change the monitor's state, as data: what the tailer saw, the passing of time, the terminal's
 * size and the user's keys (already translated by the key map, the only place a key becomes an action).
 */
public sealed interface MonitorAction {

    /** The log file was found and opened. */
    record SourceOpened(String source) implements MonitorAction {
    }

    /**
     * Complete lines were read and decoded, in file order; {@code atMillis} is the wall clock when they arrived;
     * {@code positions} says where each was read (one per event), or is empty when that is not known.
     */
    record LinesAppended(List<LogEvent> events, long atMillis, List<Position> positions) implements MonitorAction {
        public LinesAppended {
            events = List.copyOf(events);
            positions = List.copyOf(positions);
            if (!positions.isEmpty() && positions.size() != events.size()) {
                throw new IllegalArgumentException("one position per event, or none");
            }
        }

        public LinesAppended(List<LogEvent> events, long atMillis) {
            this(events, atMillis, List.of());
        }
    }

    /**
     * Where a line was read, so that its whole entry can be shown later (Enter on an event).
     *
     * @param source the name of the log it was read from (the followed name; a rotated part is found from it)
     * @param line its 1-based line number in the file it was read from
     * @param offset the byte offset of its first byte there
     */
    record Position(String source, long line, long offset) {
        /** Not known (a line that came from no file). */
        public static final Position UNKNOWN = new Position("", 0, -1);

        public boolean known() {
            return offset >= 0;
        }
    }

    /**
     * Problem lines since the last report (counts, never silent): malformed (not a JSON object, or cut off) and
     * too-long lines were skipped; lines with invalid UTF-8 were shown with U+FFFD in place of the bad bytes.
     */
    record LineProblems(long malformed, long tooLong, long invalidUtf8) implements MonitorAction {
    }

    /** The file shrank: it was truncated and is read again from its start. */
    record Truncated(long atMillis) implements MonitorAction {
    }

    /**
     * A new file took the name's place (rename rotation, symlink moved): it continues the same session, unless its
     * first line belongs to another session, which then starts over.
     */
    record Rotated(long atMillis) implements MonitorAction {
    }

    /** The followed path now leads to another log (e.g. {@code current.jsonl} moved to a new session). */
    record Replaced(String source, long atMillis) implements MonitorAction {
    }

    /** Something about the file worth telling (it is missing, unreadable, readable again). */
    record Notice(String text) implements MonitorAction {
    }

    /** Everything there is has been read and no more will come ({@code --no-follow}). */
    record EndOfInput() implements MonitorAction {
    }

    /** The sessions that can be picked, newest first. */
    record SessionsListed(List<SessionChoice> sessions) implements MonitorAction {
        public SessionsListed {
            sessions = List.copyOf(sessions);
        }
    }

    /** The monitor now follows another session's log (after a pick): everything starts over. */
    record SessionSwitched(String sessionId, String source) implements MonitorAction {
    }

    /**
     * The whole entry of event {@code seq}, read again from its log for the entry view: its lines (pretty JSON), or
     * why it could not be read ({@code problem}, and no lines).
     *
     * @param where the file and line it was read from ({@code PATH:LINE})
     */
    record EntryRead(long seq, String where, List<String> lines, String problem) implements MonitorAction {
        public EntryRead {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Before the log is folded from its start (ADR 0165): it holds {@code bytes} (with its rotated parts), and its
     * newest events are {@code newest}, read from its end, to be shown until the fold reaches them.
     */
    record BacklogFound(long bytes, List<LogEvent> newest, List<Position> positions) implements MonitorAction {
        public BacklogFound {
            newest = List.copyOf(newest);
            positions = List.copyOf(positions);
        }
    }

    /**
     * {@code bytes} of the backlog are folded; {@code done}: all of it, the lines before and including the newest one
     * when the monitor started. {@code checkpoint} names the log's state then (its identity, size and last block), for
     * keeping the fold beside it; "" when it is not to be kept. {@code fold}: the backlog's fold so far, made on the
     * reader's thread (ADR 0205), or null when the lines come as {@link LinesAppended}.
     */
    record BacklogFolded(long bytes, boolean done, String checkpoint, FoldedSoFar fold) implements MonitorAction {
        public BacklogFolded(long bytes, boolean done, String checkpoint) {
            this(bytes, done, checkpoint, null);
        }
    }

    /** The fold of the whole log as the checkpoint beside it kept it: shown instead of folding the log again. */
    record FoldRestored(SavedFold fold) implements MonitorAction {
    }

    /** The run the dashboard is attached to ({@code sigil orchestrate --monitor}) has ended. */
    record RunEnded() implements MonitorAction {
    }

    /** The clock: wall time in milliseconds since the epoch and the local UTC offset (for naive log timestamps). */
    record Tick(long epochMillis, int utcOffsetSeconds) implements MonitorAction {
    }

    /** The terminal's size changed. */
    record Resize(int width, int height) implements MonitorAction {
    }

    /** A key with a meaning (see {@link Command}); what it does depends on the mode the screen is in. */
    record Key(Command command) implements MonitorAction {
    }

    /** The history view's figures, read ({@link Effect.LoadHistory}). */
    record HistoryLoaded(History history) implements MonitorAction {
    }

    /** A character typed while editing the filter text. */
    record TypeChar(int codePoint) implements MonitorAction {
    }

    /** What a key means, independent of the key that was pressed. */
    enum Command {
        /** {@code q}: leave (asks first while an attached run goes on). */
        QUIT,
        /** Ctrl-C: leave at once, whatever is open. */
        INTERRUPT,
        /** Leave the dashboard of an attached run and let the run go on. */
        DETACH,
        PAUSE, UP, DOWN, PAGE_UP, PAGE_DOWN, HOME, END, FILTER, CYCLE_COMPONENT, CYCLE_LEVEL, PICK_SESSION, HELP,
        CONFIRM, CANCEL, BACKSPACE,
        /** The spending views (ViewKeys): cost, call tree, and opening or closing a tree node. */
        COST_VIEW, TREE_VIEW, EXPAND, COLLAPSE,
        /** {@code H}: the history of every session (History). */
        HISTORY_VIEW
    }
}
