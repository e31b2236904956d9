package dev.sigil.monitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.sigil.monitor.state.MonitorState;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.style.Color;

/**
 * The {@code monitoring.show_*}, {@code highlight_slowest} and {@code latency_warning_ms} keys (docs/configuration.md):
 * each leaves out, or marks, what it names, and nothing else; the seed's defaults draw what the snapshots show.
 */
class DashboardDisplayTest {

    private final MonitorState state = Fixtures.running();

    private String with(Display d) {
        return Fixtures.render(state, 140, 40, d);
    }

    @Test
    void theDefaultsShowEverything() {
        assertThat(with(Display.DEFAULTS)).contains("Components", "avg ms", "slowest ", "30.30%", "out in ~", "burn ");
        assertThat(with(Display.DEFAULTS)).isEqualTo(Fixtures.render(state, 140, 40, Theme.mono()));
    }

    @Test
    void eachKeyLeavesOutWhatItNames() {
        Display all = Display.DEFAULTS;
        assertThat(with(new Display(false, true, true, true, true, 5000))).doesNotContain("Components", "avg ms").contains("Budget", "burn ");
        assertThat(with(new Display(true, false, true, true, true, 5000))).doesNotContain("30.30%").contains("used ", "Components");
        assertThat(with(new Display(true, true, false, true, true, 5000))).doesNotContain("out in ~").contains("burn ");
        assertThat(with(new Display(true, true, true, false, true, 5000))).doesNotContain("avg ms", "slowest ", "total ").contains("Components");
        String noSlowest = with(new Display(true, true, true, true, false, 5000));
        assertThat(noSlowest).doesNotContain("slowest ").contains("total ");
        assertThat(with(all).lines().count()).isEqualTo(noSlowest.lines().count());
    }

    @Test
    void theCompactLayoutFollowsTheSameKeys() {
        String compact = Fixtures.render(state, 50, 15, new Display(true, false, false, true, true, 5000));
        assertThat(compact).doesNotContain("30.30%", "out in ~");
        assertThat(Fixtures.render(state, 50, 15, Display.DEFAULTS)).contains("30.30%", "out in ~");
    }

    @Test
    void anAverageAboveTheWarningIsDrawnAsAWarning() {
        Buffer slow = Fixtures.draw(state, 140, 40, Theme.colored(), new Display(true, true, true, true, true, 1));
        Buffer calm = Fixtures.draw(state, 140, 40, Theme.colored(), new Display(true, true, true, true, true, 86_400_000));
        assertThat(yellowCells(slow)).isGreaterThan(yellowCells(calm));
    }

    private static int yellowCells(Buffer b) {
        int n = 0;
        for (int y = 0; y < b.area().height(); y++) {
            for (int x = 0; x < b.area().width(); x++) {
                if (b.get(x, y).style().fg().filter(c -> c.equals(Color.YELLOW)).isPresent()) {
                    n++;
                }
            }
        }
        return n;
    }
}
