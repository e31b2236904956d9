/**
 * {@code sigil report} as a service: reading logs of any producer through the readers' decoder (both dialects,
 * rotated parts in order), counting each line once by the readers' rule, pricing it at its own time, and grouping
 * the tokens and dollars by model, component, operation, phase, session, day or the call tree (docs/cost.md).
 * Reading is here; the folds are {@code dev.sigil.spend}'s; the text, JSON and CSV forms are pure.
 */
package dev.sigil.report;
