package dev.sigil.tokens;

import java.util.List;

/**
 * One entry of the alert history.
 *
 * @param sequence 1 for the first alert of the budget, then 2, 3, ...
 * @param alert the alert
 * @param failures what each handler that failed on it said (empty when all succeeded)
 */
public record AlertRecord(long sequence, BudgetAlert alert, List<String> failures) {

    public AlertRecord {
        failures = List.copyOf(failures);
    }
}
