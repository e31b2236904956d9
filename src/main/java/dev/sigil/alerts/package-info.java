/**
 * Alert rules over the logs: the rules file (checked against {@code contract/alert-rules.schema.json}, problems by
 * file, line and key), and a pure, deterministic evaluator that folds lines (counted and priced by the one
 * {@link dev.sigil.spend.Ledger}) into the alerts they fire. Replaying a log and following it live give the same
 * alerts. Printing and delivering them is the caller's.
 */
package dev.sigil.alerts;
