package dev.sigil.monitor.state;

/**
 * What the reducer asks of the program around it, as a value (Elm's commands, ratatui's actions out of update): the
 * reducer stays pure and total, the program carries the effect out, and what it learns comes back as an action.
 */
public sealed interface Effect permits Effect.Quit, Effect.ListSessions, Effect.Follow {

    /** Close the screen. */
    record Quit() implements Effect {
    }

    /** List the sessions the picker offers; the answer comes back as {@link MonitorAction.SessionsListed}. */
    record ListSessions() implements Effect {
    }

    /** Follow session {@code sessionId} from now on; the feed answers with {@link MonitorAction.SessionSwitched}. */
    record Follow(String sessionId) implements Effect {
    }
}
