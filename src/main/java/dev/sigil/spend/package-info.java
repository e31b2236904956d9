/**
 * What a session's lines spent, folded from {@code LogEvent}s: tokens split by kind and US dollars, per component,
 * model, phase or any other key ({@link Tally}), the cost burn of the last minute ({@link CostBurn}), and the call tree
 * built from the lines' attribution ids ({@link CallTree}). The one home of these folds for the live dashboard and for
 * {@code sigil report}. Pure: no files, no clock, no terminal; prices come in as a {@link Pricing} function.
 */
package dev.sigil.spend;
