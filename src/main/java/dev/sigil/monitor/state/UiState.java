package dev.sigil.monitor.state;

import java.util.List;
import java.util.function.Consumer;

import dev.sigil.contract.event.Level;

/**
 * What the person at the terminal chose: pause, the selected event, filters, open panels. What the program is asked
 * to do (quit, follow another session, read an entry) is not kept here: the reducer returns it as {@link Effect}s.
 *
 * @param width terminal columns
 * @param height terminal rows
 * @param frozen the session as it was when paused, or null when not paused
 * @param scroll the selected event, as the number of visible events newer than it (0: the newest, followed)
 * @param filter text the events must contain (case-insensitive), "" for all
 * @param draft the filter text being typed, or null when not typing
 * @param component the only component shown, "" for all
 * @param minLevel the lowest level shown
 * @param help whether the help screen is open
 * @param picker whether the session picker is open
 * @param sessions what the picker offers
 * @param pickerIndex the highlighted session, among those that pass {@code pickerFilter}
 * @param pickerFilter text typed in the picker: only sessions whose id, status or task contain it are offered
 * @param summaryDismissed whether the final summary was closed
 * @param detail the entry open after Enter, or null
 * @param confirmQuit whether {@code q} was pressed while the attached run goes on, and the question is open
 */
public record UiState(int width, int height, SessionStats frozen, int scroll, String filter, String draft,
                      String component, Level minLevel, boolean help, boolean picker, List<SessionChoice> sessions,
                      int pickerIndex, String pickerFilter, boolean summaryDismissed, EntryView detail, boolean confirmQuit) {

    /** Longest filter text kept. */
    public static final int MAX_FILTER = 200;

    public UiState {
        sessions = List.copyOf(sessions);
    }

    static UiState initial(String component, Level minLevel) {
        return new UiState(80, 24, null, 0, "", null, component, minLevel, false, false, List.of(), 0, "", false, null, false);
    }

    public boolean paused() {
        return frozen != null;
    }

    public Mode mode() {
        if (confirmQuit) {
            return Mode.CONFIRM_QUIT;
        }
        if (help) {
            return Mode.HELP;
        }
        if (picker) {
            return Mode.PICKER;
        }
        if (detail != null) {
            return Mode.DETAIL;
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

    /** The sessions the picker offers: those whose id, status or task contain {@link #pickerFilter}, any case. */
    public List<SessionChoice> offeredSessions() {
        if (pickerFilter.isEmpty()) {
            return sessions;
        }
        return sessions.stream().filter(c -> c.matches(pickerFilter)).toList();
    }

    UiState withSize(int w, int h) {
        return with(c -> {
            c.width = w;
            c.height = h;
        });
    }

    UiState withFrozen(SessionStats f, int newScroll) {
        return with(c -> {
            c.frozen = f;
            c.scroll = newScroll;
        });
    }

    UiState withScroll(int s) {
        return with(c -> c.scroll = s);
    }

    UiState withFilter(String f, String d) {
        return with(c -> {
            c.scroll = 0;
            c.filter = f;
            c.draft = d;
        });
    }

    UiState withComponent(String name) {
        return with(c -> {
            c.scroll = 0;
            c.component = name;
        });
    }

    UiState withMinLevel(Level l) {
        return with(c -> {
            c.scroll = 0;
            c.minLevel = l;
        });
    }

    UiState withHelp(boolean h) {
        return with(c -> c.help = h);
    }

    UiState withPicker(boolean open, List<SessionChoice> list, int index) {
        return with(c -> {
            c.picker = open;
            c.sessions = list;
            c.pickerIndex = index;
            c.pickerFilter = open ? c.pickerFilter : "";
        });
    }

    UiState withPickerFilter(String text) {
        return with(c -> {
            c.pickerFilter = text;
            c.pickerIndex = 0;
        });
    }

    UiState withSummaryDismissed(boolean d) {
        return with(c -> c.summaryDismissed = d);
    }

    UiState withDetail(EntryView d) {
        return with(c -> c.detail = d);
    }

    UiState withConfirmQuit(boolean ask) {
        return with(c -> c.confirmQuit = ask);
    }

    /** After following another session: nothing of the old one's view remains, the filters stay. */
    UiState reset() {
        return with(c -> {
            c.frozen = null;
            c.scroll = 0;
            c.draft = null;
            c.help = false;
            c.picker = false;
            c.pickerFilter = "";
            c.summaryDismissed = false;
            c.detail = null;
        });
    }

    /** This state with what {@code change} changes in a copy of it. */
    private UiState with(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.build();
    }

    /** A changeable copy, so that each {@code withX} names only what it changes. */
    private static final class Copy {
        int width;
        int height;
        SessionStats frozen;
        int scroll;
        String filter;
        String draft;
        String component;
        Level minLevel;
        boolean help;
        boolean picker;
        List<SessionChoice> sessions;
        int pickerIndex;
        String pickerFilter;
        boolean summaryDismissed;
        EntryView detail;
        boolean confirmQuit;

        Copy(UiState u) {
            width = u.width;
            height = u.height;
            frozen = u.frozen;
            scroll = u.scroll;
            filter = u.filter;
            draft = u.draft;
            component = u.component;
            minLevel = u.minLevel;
            help = u.help;
            picker = u.picker;
            sessions = u.sessions;
            pickerIndex = u.pickerIndex;
            pickerFilter = u.pickerFilter;
            summaryDismissed = u.summaryDismissed;
            detail = u.detail;
            confirmQuit = u.confirmQuit;
        }

        UiState build() {
            return new UiState(width, height, frozen, scroll, filter, draft, component, minLevel, help, picker, sessions,
                    pickerIndex, pickerFilter, summaryDismissed, detail, confirmQuit);
        }
    }
}
