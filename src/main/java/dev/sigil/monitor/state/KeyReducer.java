package dev.sigil.monitor.state;

import java.util.List;

import dev.sigil.contract.event.Level;
import dev.sigil.monitor.state.MonitorAction.Command;

/**
 * The part of the reducer that gives keys their meaning, which depends on the screen's {@link Mode}; the only part
 * that asks for effects (quit, list the sessions when the picker opens, follow the one picked).
 */
final class KeyReducer {

    private KeyReducer() {
    }

    static Update key(MonitorState s, Command c) {
        if (c == Command.QUIT) {
            return Update.of(s, new Effect.Quit());
        }
        return switch (s.ui().mode()) {
            case HELP -> Update.of(s.with(s.session(), s.reader(), s.ui().withHelp(false)));
            case PICKER -> picker(s, c);
            case FILTER -> Update.of(filter(s, c));
            case NORMAL -> c == Command.PICK_SESSION
                    ? Update.of(s.with(s.session(), s.reader(), s.ui().withPicker(true, s.ui().sessions(), 0)), new Effect.ListSessions())
                    : Update.of(normal(s, c));
        };
    }

    static MonitorState type(MonitorState s, int codePoint) {
        UiState ui = s.ui();
        if (ui.mode() != Mode.FILTER || !Character.isValidCodePoint(codePoint) || Character.isISOControl(codePoint)
                || Character.getType(codePoint) == Character.SURROGATE
                || ui.draft().length() + Character.charCount(codePoint) > UiState.MAX_FILTER) {
            return s;
        }
        return s.with(s.session(), s.reader(), ui.withFilter(ui.filter(), ui.draft() + Character.toString(codePoint)));
    }

    private static MonitorState normal(MonitorState s, Command c) {
        MonitorState viewed = ViewKeys.key(s, c);
        if (viewed != null) {
            return viewed;
        }
        UiState ui = s.ui();
        return switch (c) {
            case PAUSE -> s.with(s.session(), s.reader(), ui.paused() ? resume(s) : ui.withFrozen(s.session(), ui.scroll()));
            case UP -> scrolled(s, ui.scroll() + 1);
            case DOWN -> scrolled(s, ui.scroll() - 1);
            case PAGE_UP -> scrolled(s, ui.scroll() + ui.pageRows());
            case PAGE_DOWN -> scrolled(s, ui.scroll() - ui.pageRows());
            case HOME -> scrolled(s, Integer.MAX_VALUE);
            case END -> scrolled(s, 0);
            case FILTER -> s.with(s.session(), s.reader(), ui.withFilter(ui.filter(), ui.filter()));
            case CYCLE_COMPONENT -> s.with(s.session(), s.reader(), ui.withComponent(next(s.knownComponents(), ui.component())));
            case CYCLE_LEVEL -> s.with(s.session(), s.reader(), ui.withMinLevel(nextLevel(ui.minLevel())));
            case HELP -> s.with(s.session(), s.reader(), ui.withHelp(true));
            case CONFIRM, CANCEL -> s.showSummary() ? s.with(s.session(), s.reader(), ui.withSummaryDismissed(true)) : s;
            case QUIT, BACKSPACE, PICK_SESSION -> s; // QUIT and PICK_SESSION are answered with effects in key()
            case COST_VIEW, TREE_VIEW, EXPAND, COLLAPSE -> s; // answered by ViewKeys above
        };
    }

    private static UiState resume(MonitorState s) {
        UiState ui = s.ui();
        int scroll = ui.scroll();
        if (scroll > 0) {
            long frozenUpTo = ui.frozen().recent().total();
            EventFilter filter = s.filter();
            for (EventRow r : s.session().recent().items()) {
                if (r.seq() > frozenUpTo && filter.matches(r)) {
                    scroll++;
                }
            }
        }
        UiState live = ui.withFrozen(null, 0);
        return live.withScroll(Reducer.clampScroll(scroll, s.with(s.session(), s.reader(), live)));
    }

    private static MonitorState scrolled(MonitorState s, int scroll) {
        return s.with(s.session(), s.reader(), s.ui().withScroll(Reducer.clampScroll(scroll, s)));
    }

    private static MonitorState filter(MonitorState s, Command c) {
        UiState ui = s.ui();
        return switch (c) {
            case CONFIRM -> s.with(s.session(), s.reader(), ui.withFilter(ui.draft(), null));
            case CANCEL -> s.with(s.session(), s.reader(), ui.withFilter(ui.filter(), null));
            case BACKSPACE -> {
                String d = ui.draft();
                String shorter = d.isEmpty() ? d : d.substring(0, d.offsetByCodePoints(d.length(), -1));
                yield s.with(s.session(), s.reader(), ui.withFilter(ui.filter(), shorter));
            }
            default -> s;
        };
    }

    private static Update picker(MonitorState s, Command c) {
        UiState ui = s.ui();
        int n = ui.sessions().size();
        if (c == Command.CONFIRM && n > 0) {
            String picked = ui.sessions().get(Math.min(ui.pickerIndex(), n - 1)).id();
            return Update.of(s.with(s.session(), s.reader(), ui.withPicker(false, ui.sessions(), ui.pickerIndex())), new Effect.Follow(picked));
        }
        return Update.of(switch (c) {
            case UP -> s.with(s.session(), s.reader(), ui.withPicker(true, ui.sessions(), Math.max(0, ui.pickerIndex() - 1)));
            case DOWN -> s.with(s.session(), s.reader(), ui.withPicker(true, ui.sessions(), Math.max(0, Math.min(n - 1, ui.pickerIndex() + 1))));
            case HOME -> s.with(s.session(), s.reader(), ui.withPicker(true, ui.sessions(), 0));
            case END -> s.with(s.session(), s.reader(), ui.withPicker(true, ui.sessions(), Math.max(0, n - 1)));
            case CONFIRM -> s.with(s.session(), s.reader(), ui.withPicker(false, ui.sessions(), 0));
            case CANCEL, PICK_SESSION -> s.with(s.session(), s.reader(), ui.withPicker(false, ui.sessions(), ui.pickerIndex()));
            default -> s;
        });
    }

    /** The element after {@code current} in "" (all) followed by {@code names}, wrapping around. */
    static String next(List<String> names, String current) {
        if (current.isEmpty()) {
            return names.isEmpty() ? "" : names.get(0);
        }
        int i = names.indexOf(current);
        return i < 0 || i + 1 >= names.size() ? "" : names.get(i + 1);
    }

    static Level nextLevel(Level l) {
        Level[] all = Level.values();
        return all[(l.ordinal() + 1) % all.length];
    }
}
