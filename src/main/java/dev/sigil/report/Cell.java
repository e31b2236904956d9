package dev.sigil.report;

import java.time.LocalDateTime;

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
}
