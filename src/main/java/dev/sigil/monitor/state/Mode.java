package dev.sigil.monitor.state;

/** What the keys act on: the key map reads it to decide whether a letter is a command or text. */
public enum Mode {
    /** The dashboard. */
    NORMAL,
    /** Typing the filter text after {@code /}. */
    FILTER,
    /** Choosing a session after {@code s}. */
    PICKER,
    /** The help screen after {@code ?}. */
    HELP,
    /** One event's whole entry, after Enter. */
    DETAIL,
    /** {@code q} while an attached run goes on: asking whether to stop it. */
    CONFIRM_QUIT
}
