package dev.sigil.monitor.state;

import java.util.List;

/**
 * What one reduction gives: the new state and the effects it asks for, in order (most reductions ask for none).
 *
 * @param state the new state
 * @param effects what the program should carry out
 */
public record Update(MonitorState state, List<Effect> effects) {

    public Update {
        effects = List.copyOf(effects);
    }

    /** A new state and no effect. */
    public static Update of(MonitorState state) {
        return new Update(state, List.of());
    }

    /** A new state and one effect. */
    public static Update of(MonitorState state, Effect effect) {
        return new Update(state, List.of(effect));
    }
}
