package dev.sigil.monitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

import org.jline.utils.InfoCmp;
import org.jline.utils.InfoCmp.Capability;
import org.junit.jupiter.api.Test;

/**
 * tmux's terminal described by the screen description JLine carries (ADR 0225): what the dashboard takes from a
 * description, the alternate screen's two sequences, is the same as in the system's own description of tmux's types,
 * read by {@code infocmp} as JLine would read it; other types are left to JLine.
 */
class DashboardTerminalTest {

    @Test
    void tmuxTypesAreDescribedByScreensWithTheSameAlternateScreen() throws Exception {
        for (String term : new String[] {"tmux", "tmux-256color"}) {
            String bundled = DashboardTerminal.bundledType(term);
            assertThat(bundled).as(term).isNotNull();
            assertThat(InfoCmp.getLoadedInfoCmp(bundled)).as("JLine carries %s", bundled).isNotNull();
            Map<Capability, String> ours = strings(InfoCmp.getLoadedInfoCmp(bundled));
            Map<Capability, String> system = strings(InfoCmp.getInfoCmp(term)); // the infocmp process JLine would run
            for (Capability c : new Capability[] {Capability.enter_ca_mode, Capability.exit_ca_mode}) {
                assertThat(system.get(c)).as("%s %s on this system", term, c).isNotEmpty();
                assertThat(ours.get(c)).as("%s %s", term, c).isEqualTo(system.get(c));
            }
        }
    }

    @Test
    void otherTypesAreLeftToJline() {
        for (String term : new String[] {"xterm-256color", "screen", "screen-256color", "linux", "xterm-kitty", "tmux-direct", "", "TMUX"}) {
            assertThat(DashboardTerminal.bundledType(term)).as(term).isNull();
        }
        assertThat(DashboardTerminal.bundledType(null)).isNull();
    }

    private static Map<Capability, String> strings(String description) {
        Map<Capability, String> strings = new EnumMap<>(Capability.class);
        InfoCmp.parseInfoCmp(description, new HashSet<>(), new HashMap<>(), strings);
        return strings;
    }
}
