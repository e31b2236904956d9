package dev.sigil.monitor.view;

import dev.tamboui.buffer.Buffer;
import dev.tamboui.buffer.Cell;
import dev.tamboui.layout.Rect;
import dev.tamboui.style.Style;
import dev.tamboui.terminal.Frame;
import dev.tamboui.tui.PostRenderProcessor;

/**
 * Removes every colour from a rendered frame, keeping modifiers (bold, reverse): TamboUI 0.2.0 has no
 * {@code NO_COLOR} support and some widgets colour by default, so the mono theme alone is not enough.
 */
public final class MonoFilter implements PostRenderProcessor {

    @Override
    public void process(Frame frame) {
        strip(frame.buffer());
    }

    /** Strips colours from every cell of {@code buffer}. */
    public static void strip(Buffer buffer) {
        Rect area = buffer.area();
        for (int y = area.top(); y < area.bottom(); y++) {
            for (int x = area.left(); x < area.right(); x++) {
                Cell cell = buffer.get(x, y);
                Style style = cell.style();
                if (style.fg().isPresent() || style.bg().isPresent() || style.underlineColor().isPresent()) {
                    Style mono = new Style(null, null, null, style.addModifiers(), style.subModifiers());
                    buffer.set(x, y, cell.style(mono));
                }
            }
        }
    }
}
