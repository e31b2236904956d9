package dev.sigil.remote.serve;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.sigil.contract.event.Level;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.monitor.state.EventFilter;

/**
 * Which entries seed 002's stream sends a client: the components of the {@code components} query (comma separated,
 * matched as every display of sigil matches a component: {@link EventFilter#componentMatches}) and the levels of its
 * {@code config} message (by the reader's level of an entry, docs/contract.md §8). Immutable.
 */
record SeedFilter(Set<String> components, Set<Level> levels) {

    static Set<String> components(String query) {
        Set<String> out = new LinkedHashSet<>();
        if (query != null) {
            for (String c : query.split(",")) {
                if (!c.isBlank()) {
                    out.add(c.trim());
                }
            }
        }
        return Set.copyOf(out);
    }

    static SeedFilter all(Set<String> components) {
        return new SeedFilter(components, EnumSet.allOf(Level.class));
    }

    SeedFilter withLevels(Set<Level> chosen) {
        return new SeedFilter(components, chosen.isEmpty() ? EnumSet.allOf(Level.class) : EnumSet.copyOf(chosen));
    }

    boolean accepts(LogEvent e) {
        if (!levels.contains(e.level() == null ? Level.INFO : e.level())) {
            return false;
        }
        if (components.isEmpty()) {
            return true;
        }
        for (String c : components) {
            if (EventFilter.componentMatches(c, e.component(), e.contractComponent())) {
                return true;
            }
        }
        return false;
    }
}
