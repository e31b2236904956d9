package dev.sigil.monitor.view;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.monitor.state.MonitorState;

/** The keys of the spending views in the dashboard's key line, once there is something to see in them. */
final class SpendKeys {

    private SpendKeys() {
    }

    /** {key, label, priority} for {@link FooterBar}: left out before the session key when the line is too narrow. */
    static List<String[]> keys(MonitorState state) {
        List<String[]> keys = new ArrayList<>();
        if (state.shown().spending().hasModels()) {
            keys.add(new String[] {"$", "cost", "2"});
        }
        if (state.shown().spending().tree().hasIds()) {
            keys.add(new String[] {"t", "tree", "2"});
        }
        return keys;
    }
}
