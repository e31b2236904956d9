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

    /** Complete lines were read and decoded, in file order; {@code atMillis} is the wall clock when they arrived. */
    record LinesAppended(List<LogEvent> events, long atMillis) implements MonitorAction {
        public LinesAppended {
            events = List.copyOf(events);
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

    /** The clock: wall time in milliseconds since the epoch and the local UTC offset (for naive log timestamps). */
    record Tick(long epochMillis, int utcOffsetSeconds) implements MonitorAction {
    }

    /** The terminal's size changed. */
    record Resize(int width, int height) implements MonitorAction {
    }

    /** A key with a meaning (see {@link Command}); what it does depends on the mode the screen is in. */
    record Key(Command command) implements MonitorAction {
    }

    /** A character typed while editing the filter text. */
    record TypeChar(int codePoint) implements MonitorAction {
    }

    /** What a key means, independent of the key that was pressed. */
    enum Command {
        QUIT, PAUSE, UP, DOWN, PAGE_UP, PAGE_DOWN, HOME, END, FILTER, CYCLE_COMPONENT, CYCLE_LEVEL, PICK_SESSION, HELP,
        CONFIRM, CANCEL, BACKSPACE,
        /** The spending views (ViewKeys): cost, call tree, and opening or closing a tree node. */
        COST_VIEW, TREE_VIEW, EXPAND, COLLAPSE
    }
}
