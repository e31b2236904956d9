package dev.sigil.alerts;

import java.math.BigDecimal;

/**
 * A rule that fired, and the line that made it fire.
 *
 * @param rule the rule
 * @param value the metric's value after that line
 * @param sessionId the line's session
 * @param timestamp the line's timestamp as written ("" if it had none)
 * @param file the file the line was read from, "" when it came from elsewhere
 * @param line the line's number in that file (1-based), 0 when unknown
 */
public record Alert(Rule rule, BigDecimal value, String sessionId, String timestamp, String file, long line) {
}
