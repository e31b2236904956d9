package dev.sigil.monitor.state;

import java.util.List;

import dev.sigil.contract.event.Level;
import dev.sigil.monitor.state.MonitorAction.Command;

/**
 * The part of the reducer that gives keys their meaning, which depends on the screen's {@link Mode}; the only part
 * that asks for effects (quit or detach, list the sessions when the picker opens, follow the one picked, read an
 * entry).
 */
final class KeyReducer {

    private KeyReducer() {
    }

    static Update key(MonitorState s, Command c) {
        if (c == Command.INTERRUPT) {
            return Update.of(s, new Effect.Quit());
        }
        UiState ui = s.ui();
        return switch (ui.mode()) {
            case CONFIRM_QUIT -> switch (c) {
                case QUIT -> Update.of(s.withUi(ui.withConfirmQuit(false)), new Effect.Quit());
                case DETACH -> Update.of(s.withUi(ui.withConfirmQuit(false)), new Effect.Detach());
                default -> Update.of(s.withUi(ui.withConfirmQuit(false))); // Esc, or anything else: keep watching
            };
            case HELP -> c == Command.QUIT ? quit(s) : Update.of(s.withUi(ui.withHelp(false)));
            case PICKER -> picker(s, c);
            case FILTER -> c == Command.QUIT ? quit(s) : Update.of(filter(s, c));
            case DETAIL -> detail(s, c);
            case NORMAL -> normal(s, c);
        };
    }

    /** {@code q}: leave; while an attached run goes on, ask first (stopping it is not undone). */
    private static Update quit(MonitorState s) {
        if (s.run() == Run.RUNNING) {
            return Update.of(s.withUi(s.ui().withConfirmQuit(true)));
        }
        return Update.of(s, new Effect.Quit());
    }

    static MonitorState type(MonitorState s, int codePoint) {
        UiState ui = s.ui();
        if (!Character.isValidCodePoint(codePoint) || Character.isISOControl(codePoint)
                || Character.getType(codePoint) == Character.SURROGATE) {
            return s;
        }
        if (ui.mode() == Mode.PICKER) {
            String text = ui.pickerFilter() + Character.toString(codePoint);
            return text.length() > UiState.MAX_FILTER ? s : s.withUi(ui.withPickerFilter(text));
        }
        if (ui.mode() != Mode.FILTER || ui.draft().length() + Character.charCount(codePoint) > UiState.MAX_FILTER) {
            return s;
        }
        return s.withUi(ui.withFilter(ui.filter(), ui.draft() + Character.toString(codePoint)));
    }

    private static Update normal(MonitorState s, Command c) {
        if (c == Command.HISTORY_VIEW) {
            return ViewKeys.history(s);
        }
        if (c != Command.QUIT && c != Command.DETACH && c != Command.PICK_SESSION) {
            MonitorState viewed = ViewKeys.key(s, c);
            if (viewed != null) {
                return Update.of(viewed);
            }
        }
        UiState ui = s.ui();
        return switch (c) {
            case QUIT -> quit(s);
            case DETACH -> s.run() == Run.NONE ? Update.of(s) : Update.of(s, s.run() == Run.RUNNING ? new Effect.Detach() : new Effect.Quit());
            case PICK_SESSION -> Update.of(s.withUi(ui.withPicker(true, ui.sessions(), 0)), new Effect.ListSessions());
            case CONFIRM -> {
                if (s.showSummary()) {
                    // at the end of an attached run, Enter on its summary is "done": leave
                    yield s.run() == Run.ENDED ? Update.of(s, new Effect.Quit()) : Update.of(s.withUi(ui.withSummaryDismissed(true)));
                }
                yield s.views().view() == Views.View.DASHBOARD ? open(s) : Update.of(s);
            }
            case CANCEL -> {
                if (s.showSummary()) {
                    yield Update.of(s.withUi(ui.withSummaryDismissed(true)));
                }
                yield s.run() == Run.ENDED ? Update.of(s, new Effect.Quit()) : Update.of(s);
            }
            default -> Update.of(view(s, c));
        };
    }

    /** Enter on the selected event: open its entry, read from its log off the render thread. */
    private static Update open(MonitorState s) {
        EventRow row = s.selectedEvent();
        if (row == null) {
            return Update.of(s);
        }
        if (!row.position().known()) {
            return Update.of(s.withUi(s.ui().withDetail(new EntryView(row.seq(), "", List.of(), "where this entry was read is not known", 0))));
        }
        return Update.of(s.withUi(s.ui().withDetail(EntryView.loading(row.seq()))), new Effect.ReadEntry(row));
    }

    private static MonitorState view(MonitorState s, Command c) {
        UiState ui = s.ui();
        return switch (c) {
            case PAUSE -> s.withUi(ui.paused() ? resume(s) : ui.withFrozen(s.session(), ui.scroll()));
            case UP -> scrolled(s, ui.scroll() + 1);
            case DOWN -> scrolled(s, ui.scroll() - 1);
            case PAGE_UP -> scrolled(s, ui.scroll() + ui.pageRows());
            case PAGE_DOWN -> scrolled(s, ui.scroll() - ui.pageRows());
            case HOME -> scrolled(s, Integer.MAX_VALUE);
            case END -> scrolled(s, 0);
            case FILTER -> s.withUi(ui.withFilter(ui.filter(), ui.filter()));
            case CYCLE_COMPONENT -> s.withUi(ui.withComponent(next(s.knownComponents(), ui.component())));
            case CYCLE_LEVEL -> s.withUi(ui.withMinLevel(nextLevel(ui.minLevel())));
            case HELP -> s.withUi(ui.withHelp(true));
            default -> s;
        };
    }

    private static Update detail(MonitorState s, Command c) {
        UiState ui = s.ui();
        EntryView d = ui.detail();
        int page = Math.max(1, ui.height() - 4);
        int last = Math.max(0, d.rows(Math.max(1, ui.width() - 2)) - page);
        return switch (c) {
            case QUIT -> quit(s);
            case CONFIRM, CANCEL -> Update.of(s.withUi(ui.withDetail(null)));
            case UP -> Update.of(s.withUi(ui.withDetail(d.withScroll(Math.max(0, d.scroll() - 1)))));
            case DOWN -> Update.of(s.withUi(ui.withDetail(d.withScroll(Math.min(last, d.scroll() + 1)))));
            case PAGE_UP -> Update.of(s.withUi(ui.withDetail(d.withScroll(Math.max(0, d.scroll() - page)))));
            case PAGE_DOWN -> Update.of(s.withUi(ui.withDetail(d.withScroll(Math.min(last, d.scroll() + page)))));
            case HOME -> Update.of(s.withUi(ui.withDetail(d.withScroll(0))));
            case END -> Update.of(s.withUi(ui.withDetail(d.withScroll(last))));
            default -> Update.of(s);
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
        return live.withScroll(Reducer.clampScroll(scroll, s.withUi(live)));
    }

    private static MonitorState scrolled(MonitorState s, int scroll) {
        return s.withUi(s.ui().withScroll(Reducer.clampScroll(scroll, s)));
    }

    private static MonitorState filter(MonitorState s, Command c) {
        UiState ui = s.ui();
        return switch (c) {
            case CONFIRM -> s.withUi(ui.withFilter(ui.draft(), null));
            case CANCEL -> s.withUi(ui.withFilter(ui.filter(), null));
            case BACKSPACE -> s.withUi(ui.withFilter(ui.filter(), shorter(ui.draft())));
            default -> s;
        };
    }

    private static Update picker(MonitorState s, Command c) {
        UiState ui = s.ui();
        List<SessionChoice> offered = ui.offeredSessions();
        int n = offered.size();
        int index = Math.max(0, Math.min(ui.pickerIndex(), n - 1));
        if (c == Command.QUIT) {
            return quit(s);
        }
        if (c == Command.CONFIRM && n > 0) {
            return Update.of(s.withUi(ui.withPicker(false, ui.sessions(), index)), new Effect.Follow(offered.get(index).id()));
        }
        return Update.of(switch (c) {
            case UP -> s.withUi(ui.withPicker(true, ui.sessions(), Math.max(0, index - 1)));
            case DOWN -> s.withUi(ui.withPicker(true, ui.sessions(), Math.max(0, Math.min(n - 1, index + 1))));
            case PAGE_UP -> s.withUi(ui.withPicker(true, ui.sessions(), Math.max(0, index - 10)));
            case PAGE_DOWN -> s.withUi(ui.withPicker(true, ui.sessions(), Math.max(0, Math.min(n - 1, index + 10))));
            case HOME -> s.withUi(ui.withPicker(true, ui.sessions(), 0));
            case END -> s.withUi(ui.withPicker(true, ui.sessions(), Math.max(0, n - 1)));
            case BACKSPACE -> s.withUi(ui.withPickerFilter(shorter(ui.pickerFilter())));
            case CONFIRM -> s.withUi(ui.withPicker(false, ui.sessions(), 0));
            // Esc clears what was typed first, then closes
            case CANCEL -> ui.pickerFilter().isEmpty() ? s.withUi(ui.withPicker(false, ui.sessions(), ui.pickerIndex()))
                    : s.withUi(ui.withPickerFilter(""));
            case PICK_SESSION -> s.withUi(ui.withPicker(false, ui.sessions(), ui.pickerIndex()));
            default -> s;
        });
    }

    private static String shorter(String d) {
        return d.isEmpty() ? d : d.substring(0, d.offsetByCodePoints(d.length(), -1));
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
