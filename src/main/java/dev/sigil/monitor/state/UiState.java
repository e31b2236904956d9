package dev.sigil.monitor.state;

import java.util.List;

import dev.sigil.contract.event.Level;

/**
 * What the person at the terminal chose: pause, scroll, filters, open panels. What the program is asked to do
 * (quit, follow another session) is not kept here: the reducer returns it as {@link Effect}s.
 *
 * @param width terminal columns
 * @param height terminal rows
 * @param frozen the session as it was when paused, or null when not paused
 * @param scroll rows scrolled back from the newest visible event (0 follows the newest)
 * @param filter text the events must contain (case-insensitive), "" for all
 * @param draft the filter text being typed, or null when not typing
 * @param component the only component shown, "" for all
 * @param minLevel the lowest level shown
 * @param help whether the help screen is open
 * @param picker whether the session picker is open
 * @param sessions what the picker offers
 * @param pickerIndex the highlighted session
 * @param summaryDismissed whether the final summary was closed
 */
public record UiState(int width, int height, SessionStats frozen, int scroll, String filter, String draft,
                      String component, Level minLevel, boolean help, boolean picker, List<SessionChoice> sessions,
                      int pickerIndex, boolean summaryDismissed) {

    /** Longest filter text kept. */
    public static final int MAX_FILTER = 200;

    public UiState {
        sessions = List.copyOf(sessions);
    }

    static UiState initial(String component, Level minLevel) {
        return new UiState(80, 24, null, 0, "", null, component, minLevel, false, false, List.of(), 0, false);
    }

    public boolean paused() {
        return frozen != null;
    }

    public Mode mode() {
        if (help) {
            return Mode.HELP;
        }
        if (picker) {
            return Mode.PICKER;
        }
        return draft != null ? Mode.FILTER : Mode.NORMAL;
    }

    /** The filter in effect: the text being typed, or the one set. */
    public String effectiveFilter() {
        return draft != null ? draft : filter;
    }

    /** Rows a page key moves: half the screen. */
    public int pageRows() {
        return Math.max(1, height / 2);
    }

    UiState withSize(int w, int h) {
        return new UiState(w, h, frozen, scroll, filter, draft, component, minLevel, help, picker, sessions, pickerIndex,
                summaryDismissed);
    }

    UiState withFrozen(SessionStats f, int newScroll) {
        return new UiState(width, height, f, newScroll, filter, draft, component, minLevel, help, picker, sessions,
                pickerIndex, summaryDismissed);
    }

    UiState withScroll(int s) {
        return new UiState(width, height, frozen, s, filter, draft, component, minLevel, help, picker, sessions,
                pickerIndex, summaryDismissed);
    }

    UiState withFilter(String f, String d) {
        return new UiState(width, height, frozen, 0, f, d, component, minLevel, help, picker, sessions, pickerIndex,
                summaryDismissed);
    }

    UiState withComponent(String c) {
        return new UiState(width, height, frozen, 0, filter, draft, c, minLevel, help, picker, sessions, pickerIndex,
                summaryDismissed);
    }

    UiState withMinLevel(Level l) {
        return new UiState(width, height, frozen, 0, filter, draft, component, l, help, picker, sessions, pickerIndex,
                summaryDismissed);
    }

    UiState withHelp(boolean h) {
        return new UiState(width, height, frozen, scroll, filter, draft, component, minLevel, h, picker, sessions,
                pickerIndex, summaryDismissed);
    }

    UiState withPicker(boolean open, List<SessionChoice> list, int index) {
        return new UiState(width, height, frozen, scroll, filter, draft, component, minLevel, help, open, list, index,
                summaryDismissed);
    }

    UiState withSummaryDismissed(boolean d) {
        return new UiState(width, height, frozen, scroll, filter, draft, component, minLevel, help, picker, sessions,
                pickerIndex, d);
    }

    /** After following another session: nothing of the old one's view remains, the filters stay. */
    UiState reset() {
        return new UiState(width, height, null, 0, filter, null, component, minLevel, false, false, sessions, pickerIndex,
                false);
    }
}
