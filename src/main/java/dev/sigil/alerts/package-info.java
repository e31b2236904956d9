/**
 * Alert rules over the logs: the rules file (checked against {@code contract/alert-rules.schema.json}, problems by
 * file, line and key), and a pure, deterministic evaluator that folds lines (counted and priced by the one
 * {@link dev.sigil.spend.Ledger}) into the alerts they fire. Replaying a log ({@link dev.sigil.alerts.Replay}) and
 * following it live ({@link dev.sigil.alerts.Watch}, which runs the rules' actions and keeps its state beside each
 * log) give the same alerts; the I/O is in those two and in {@link dev.sigil.alerts.CommandAction}.
 */
package dev.sigil.alerts;
