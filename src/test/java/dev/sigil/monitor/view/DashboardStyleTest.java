package dev.sigil.monitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.sigil.monitor.Lines;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorState;
import dev.sigil.monitor.state.Reducer;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.buffer.Cell;
import dev.tamboui.style.Color;
import dev.tamboui.style.Style;

/** Colours where they mean something, none at all in mono, and no log byte that could drive the terminal. */
class DashboardStyleTest {

    private static MonitorState used(long tokens, long budget) {
        MonitorState s = Reducer.reduce(Fixtures.initial(), Fixtures.tickAt("10:00:05"));
        return Reducer.reduce(s, new MonitorAction.LinesAppended(Lines.decodeAll(
                Lines.start("2026-01-11T10:00:00", "b", budget) + "\n"
                        + Lines.entry("2026-01-11T10:00:01", "b", "step_complete", "routing", "m", tokens, 1)), 0));
    }

    /** The gauge is the first line of the budget panel: row 2 in the full layout. */
    private static List<Color> gaugeColors(Buffer buffer) {
        List<Color> colors = new ArrayList<>();
        for (int x = 0; x < buffer.width(); x++) {
            Cell c = buffer.get(x, 2);
            if (c.symbol().equals("█")) {
                c.style().fg().ifPresent(colors::add);
            }
        }
        return colors;
    }

    @ParameterizedTest(name = "{0} of {1} tokens: {2}")
    @CsvSource({"400, 1000, GREEN", "499, 1000, GREEN", "500, 1000, YELLOW", "799, 1000, YELLOW", "800, 1000, RED",
        "2000, 1000, RED"})
    void theBudgetGaugeIsGreenThenYellowThenRed(long tokens, long budget, String color) throws Exception {
        Color expected = (Color) Color.class.getField(color).get(null);
        Buffer buffer = Fixtures.draw(used(tokens, budget), 80, 24, Theme.colored());
        assertThat(gaugeColors(buffer)).isNotEmpty().containsOnly(expected);
    }

    @Test
    void monoLeavesNoColourAnywhere() {
        for (MonitorState s : List.of(Fixtures.running(), Fixtures.complete(), used(900, 1000))) {
            Buffer buffer = Fixtures.draw(s, 120, 40, Theme.mono());
            MonoFilter.strip(buffer);
            for (int y = 0; y < buffer.height(); y++) {
                for (int x = 0; x < buffer.width(); x++) {
                    Style style = buffer.get(x, y).style();
                    assertThat(style.fg().isPresent() || style.bg().isPresent() || style.underlineColor().isPresent())
                            .as("colour at %d,%d", x, y).isFalse();
                }
            }
        }
    }

    @Test
    void theColourFilterKeepsEmphasis() {
        Buffer buffer = Fixtures.draw(Fixtures.running(), 80, 24, Theme.colored());
        MonoFilter.strip(buffer);
        assertThat(buffer.get(1, 0).style().addModifiers()).contains(dev.tamboui.style.Modifier.BOLD); // " SIGIL MONITOR"
    }

    @Test
    void logTextNeverPutsAControlCharacterOnTheScreen() {
        String nasty = "a\u001b]0;owned\u0007b\u009b2Jc\r\nd\u202Ee\u0000f\u007f";
        MonitorState s = Reducer.reduce(Fixtures.initial(), new MonitorAction.LinesAppended(Lines.decodeAll(
                Lines.entry("2026-01-11T10:00:01", "s\u001b[2J", "step_error", "rea\u001bsoning", nasty, 1, 1)), 0));
        s = Reducer.reduce(s, new MonitorAction.Notice("notice \u001b[5m"));
        for (int[] size : new int[][] {{80, 24}, {40, 12}, {120, 40}}) {
            Buffer buffer = Fixtures.draw(s, size[0], size[1], Theme.colored());
            String text = dev.tamboui.export.ExportRequest.export(buffer).text().toString();
            assertThat(text.chars().filter(c -> (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f)).count()).as(text).isZero();
            assertThat(text).contains("a^[]0;owned^Gb");
            if (size[0] >= 80) {
                assertThat(text).contains("rea^[soning", "<U+009B>2Jc\\r\\nd<U+202E>e^@f^?");
            }
        }
    }
}
