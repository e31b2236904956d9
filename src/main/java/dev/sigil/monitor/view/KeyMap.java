package dev.sigil.monitor.view;

import java.util.Optional;

import dev.sigil.monitor.state.Mode;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.monitor.state.MonitorAction.Command;
import dev.tamboui.tui.event.KeyCode;
import dev.tamboui.tui.event.KeyEvent;

/**
 * The only place a key becomes an action. While the filter or the picker's search is typed, letters are text (only
 * Ctrl-C quits); in the other modes they are commands. Unknown keys give nothing.
 */
public final class KeyMap {

    private KeyMap() {
    }

    public static Optional<MonitorAction> actionFor(KeyEvent key, Mode mode) {
        if (key.isCtrlC() || (key.hasCtrl() && key.code() == KeyCode.CHAR && (key.character() == 'c' || key.character() == 'C'))) {
            return command(Command.INTERRUPT);
        }
        Optional<MonitorAction> special = special(key.code());
        if (special.isPresent()) {
            return special;
        }
        if (key.code() != KeyCode.CHAR || key.hasCtrl() || key.hasAlt()) {
            return Optional.empty();
        }
        char c = key.character();
        return switch (mode) {
            case FILTER, PICKER -> Optional.of(new MonitorAction.TypeChar(c));
            case CONFIRM_QUIT -> command(c == 'q' ? Command.QUIT : c == 'd' ? Command.DETACH : Command.CANCEL);
            case DETAIL -> switch (c) {
                case 'q' -> command(Command.QUIT);
                case 'k' -> command(Command.UP);
                case 'j' -> command(Command.DOWN);
                case ' ' -> command(Command.PAGE_DOWN);
                case 'g' -> command(Command.HOME);
                case 'G' -> command(Command.END);
                default -> Optional.empty();
            };
            case NORMAL, HELP -> letter(c, mode);
        };
    }

    private static Optional<MonitorAction> letter(char c, Mode mode) {
        return switch (c) {
            case 'q' -> command(Command.QUIT);
            case 'd' -> command(Command.DETACH);
            case 'p', ' ' -> command(Command.PAUSE);
            case 'k' -> command(Command.UP);
            case 'j' -> command(Command.DOWN);
            case 'g' -> command(Command.HOME);
            case 'G' -> command(Command.END);
            case '/' -> command(Command.FILTER);
            case 'c' -> command(Command.CYCLE_COMPONENT);
            case 'l' -> command(Command.CYCLE_LEVEL);
            case 's' -> command(Command.PICK_SESSION);
            case '?', 'h' -> command(Command.HELP);
            case '$' -> command(Command.COST_VIEW);
            case 't' -> command(Command.TREE_VIEW);
            case 'H' -> command(Command.HISTORY_VIEW);
            default -> mode == Mode.HELP ? command(Command.CANCEL) : Optional.empty();
        };
    }

    private static Optional<MonitorAction> special(KeyCode code) {
        return switch (code) {
            case UP -> command(Command.UP);
            case DOWN -> command(Command.DOWN);
            case PAGE_UP -> command(Command.PAGE_UP);
            case PAGE_DOWN -> command(Command.PAGE_DOWN);
            case HOME -> command(Command.HOME);
            case END -> command(Command.END);
            case ENTER -> command(Command.CONFIRM);
            case LEFT -> command(Command.COLLAPSE);
            case RIGHT -> command(Command.EXPAND);
            case ESCAPE -> command(Command.CANCEL);
            case BACKSPACE, DELETE -> command(Command.BACKSPACE);
            default -> Optional.empty();
        };
    }

    private static Optional<MonitorAction> command(Command c) {
        return Optional.of(new MonitorAction.Key(c));
    }
}
