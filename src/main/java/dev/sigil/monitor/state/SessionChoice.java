package dev.sigil.monitor.state;

/**
 * A session the picker offers.
 *
 * @param id the session id (its directory name)
 * @param modifiedMillis when its log last changed, wall clock
 * @param sizeBytes the size of its log
 */
public record SessionChoice(String id, long modifiedMillis, long sizeBytes) {
}
