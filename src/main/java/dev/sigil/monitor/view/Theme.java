package dev.sigil.monitor.view;

import dev.sigil.contract.event.Level;
import dev.sigil.monitor.state.Status;
import dev.tamboui.style.Color;
import dev.tamboui.style.Style;

/**
 * The dashboard's styles. The mono theme (for {@code NO_COLOR} and {@code --no-color}) keeps emphasis (bold,
 * reverse) and drops every colour; {@link MonoFilter} strips whatever colour a widget still adds by default.
 */
public final class Theme {

    private final boolean color;

    private Theme(boolean color) {
        this.color = color;
    }

    public static Theme colored() {
        return new Theme(true);
    }

    public static Theme mono() {
        return new Theme(false);
    }

    public boolean isColored() {
        return color;
    }

    private Style fg(Color c) {
        return color ? Style.EMPTY.fg(c) : Style.EMPTY;
    }

    public Style plain() {
        return Style.EMPTY;
    }

    public Style title() {
        return Style.EMPTY.bold();
    }

    public Style dim() {
        return color ? Style.EMPTY.fg(Color.GRAY) : Style.EMPTY;
    }

    public Style border() {
        return fg(Color.DARK_GRAY);
    }

    public Style key() {
        return color ? Style.EMPTY.fg(Color.CYAN).bold() : Style.EMPTY.bold();
    }

    public Style highlight() {
        return Style.EMPTY.reversed();
    }

    public Style status(Status s) {
        return switch (s) {
            case RUNNING -> fg(Color.GREEN).bold();
            case COMPLETE -> fg(Color.CYAN).bold();
            case ERROR -> fg(Color.RED).bold();
            case INCOMPLETE -> fg(Color.YELLOW).bold();
            case INITIAL, WAITING -> fg(Color.GRAY).bold();
        };
    }

    public Style level(Level l) {
        return switch (l) {
            case TRACE, DEBUG -> color ? Style.EMPTY.fg(Color.GRAY) : Style.EMPTY.dim();
            case INFO -> fg(Color.BLUE);
            case WARNING -> fg(Color.YELLOW);
            case ERROR -> fg(Color.RED).bold();
            case CRITICAL -> color ? Style.EMPTY.fg(Color.RED).bold().reversed() : Style.EMPTY.bold().reversed();
        };
    }

    /** The budget gauge: green below 50 %, yellow below 80 %, red from 80 %. */
    public Color budgetColor(double percentage) {
        if (percentage < 50) {
            return Color.GREEN;
        }
        return percentage < 80 ? Color.YELLOW : Color.RED;
    }

    public Style budget(double percentage) {
        return fg(budgetColor(percentage));
    }

    public Style bar() {
        return fg(Color.MAGENTA);
    }

    public Style error() {
        return fg(Color.RED);
    }

    public Style notice() {
        return fg(Color.YELLOW);
    }
}
