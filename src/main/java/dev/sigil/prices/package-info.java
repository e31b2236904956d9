/**
 * {@code sigil prices} as a service: the bundled price data with the user's override files, the listing of what is
 * known, and the explanation of which price each model of a log matched and why (docs/cost.md). Reads files; the
 * pricing itself is {@code dev.sigil.cost}'s.
 */
package dev.sigil.prices;
