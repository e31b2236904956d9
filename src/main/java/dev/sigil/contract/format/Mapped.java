package dev.sigil.contract.format;

import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.validation.Violation;

/**
 * One event a format made of a line (or of one record of it).
 *
 * @param event the event
 * @param callKey what identifies the model call the line reports, when the format says (a producer that writes one
 *        call on several lines), else null
 * @param problem why the line's counts could not be its usage (they break the contract's rules), or null
 */
public record Mapped(LogEvent event, String callKey, Violation problem) {

    /** An event of a line no restatement and no problem touch (the native dialects). */
    public static Mapped of(LogEvent event) {
        return new Mapped(event, null, null);
    }
}
