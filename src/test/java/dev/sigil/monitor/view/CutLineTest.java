package dev.sigil.monitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sigil.monitor.state.MonitorState;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.export.ExportRequest;
import dev.tamboui.layout.Rect;
import dev.tamboui.text.CharWidth;
import dev.tamboui.text.Span;

/**
 * Every text the dashboard cuts ends in "…": a panel's line of spans is cut in one place ({@link Columns#cut(List, int)}),
 * and the budget panel's burn and forecast line, too wide for a narrow panel, shows where it was cut.
 */
class CutLineTest {

    @Test
    void spansThatFitAreKeptWholeAndOthersEndInAnEllipsisInTheirColumns() {
        List<Span> spans = List.of(Span.raw("burn "), Span.raw("1,234 tok/min"), Span.raw("  "), Span.raw("out in ~12m"));
        int whole = spans.stream().mapToInt(Span::width).sum();
        assertThat(Columns.cut(spans, whole)).isSameAs(spans);
        for (int width = 1; width < whole; width++) {
            String cut = text(Columns.cut(spans, width));
            assertThat(CharWidth.of(cut)).as("width %d", width).isEqualTo(width);
            assertThat(cut).endsWith("…");
            assertThat(text(spans)).startsWith(cut.substring(0, cut.length() - 1));
        }
        assertThat(Columns.cut(List.of(Span.raw("界界界")), 4)).extracting(Span::content).containsExactly("界…");
    }

    @Test
    void theBudgetPanelsForecastCutAtANarrowPanelEndsInAnEllipsis() {
        MonitorState s = Fixtures.running();
        String full = burnRow(s, 120);
        assertThat(full).contains("out in ~").doesNotContain("…");
        int inner = full.length() - 4; // the row's text needs more than the panel has
        String cut = burnRow(s, inner + 2);
        assertThat(cut).isEqualTo(full.substring(0, inner - 1) + "…");
    }

    /** The burn row inside the box of the budget panel drawn {@code width} wide. */
    private static String burnRow(MonitorState s, int width) {
        Buffer buffer = Buffer.empty(Rect.of(width, 9));
        BudgetPanel.render(s.session(), s.clock(), Theme.mono(), Display.DEFAULTS, buffer.area(), buffer);
        return ExportRequest.export(buffer).text().toString().lines().map(r -> r.substring(1, r.length() - 1).stripTrailing())
                .filter(r -> r.startsWith("burn ")).findFirst().orElseThrow();
    }

    private static String text(List<Span> spans) {
        StringBuilder b = new StringBuilder();
        spans.forEach(sp -> b.append(sp.content()));
        return b.toString();
    }
}
