package dev.sigil.report;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The finest group a report keeps of a session's lines: every line of the same local hour, model, component,
 * operation, phase and session adds to the same cell, and every {@code --by} but the tree is a sum of cells. What
 * {@link ReportCache} keeps beside a log.
 *
 * @param hour the local hour of the lines (naive timestamps as written), or null for lines without a readable time
 * @param model the model ({@code dev.sigil.spend.Keys})
 * @param component the component
 * @param operation the operation
 * @param phase the phase
 * @param session the session
 */
record Cell(LocalDateTime hour, String model, String component, String operation, String phase, String session) {

    // Written out: a record's own equals and hashCode are bootstrapped at their first call, spinning method handles
    // no AOT cache holds (13 classes at every report's start; ADR 0271). Equal when the record's would be.
    @Override
    public boolean equals(Object o) {
        return o instanceof Cell c && Objects.equals(hour, c.hour) && Objects.equals(model, c.model) && Objects.equals(component, c.component)
                && Objects.equals(operation, c.operation) && Objects.equals(phase, c.phase) && Objects.equals(session, c.session);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(hour) * 31 + Objects.hashCode(model);
        h = h * 31 + Objects.hashCode(component);
        h = h * 31 + Objects.hashCode(operation);
        h = h * 31 + Objects.hashCode(phase);
        return h * 31 + Objects.hashCode(session);
    }
}
