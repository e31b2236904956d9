package dev.sigil.log.summary;

/**
 * One component's line in tokens.json.
 *
 * @param allocated tokens the budget gave the component
 * @param used tokens it used
 * @param utilization used as a percentage of allocated (0.5 means half a percent, as in the seed's example)
 */
public record ComponentTokens(long allocated, long used, double utilization) {
}
