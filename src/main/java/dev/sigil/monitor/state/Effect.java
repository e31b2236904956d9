package dev.sigil.monitor.state;

/**
 * What the reducer asks of the program around it, as a value (Elm's commands, ratatui's actions out of update): the
 * reducer stays pure and total, the program carries the effect out, and what it learns comes back as an action.
 */
public sealed interface Effect permits Effect.Quit, Effect.Detach, Effect.ListSessions, Effect.Follow, Effect.ReadEntry,
        Effect.LoadHistory, Effect.KeepFold {

    /** Close the screen (and stop an attached run that still goes on: the user said so). */
    record Quit() implements Effect {
    }

    /** Close the screen and let the attached run go on. */
    record Detach() implements Effect {
    }

    /** Read event {@code row}'s whole entry from its log; the answer comes back as {@link MonitorAction.EntryRead}. */
    record ReadEntry(EventRow row) implements Effect {
    }

    /** List the sessions the picker offers; the answer comes back as {@link MonitorAction.SessionsListed}. */
    record ListSessions() implements Effect {
    }

    /** Read the history of every session; the answer comes back as {@link MonitorAction.HistoryLoaded}. */
    record LoadHistory() implements Effect {
    }

    /** Follow session {@code sessionId} from now on; the feed answers with {@link MonitorAction.SessionSwitched}. */
    record Follow(String sessionId) implements Effect {
    }

    /**
     * Keep {@code fold}, the fold of the whole log as it stood when the monitor started, beside the log under
     * {@code checkpoint} (ADR 0165); nothing comes back.
     */
    record KeepFold(String checkpoint, SavedFold fold) implements Effect {
    }
}
