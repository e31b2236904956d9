package dev.sigil.tokens;

/**
 * Where a budget is heading if the remaining operations cost what the past ones did on average.
 *
 * @param operationsRemaining the operations expected after now
 * @param averagePerOperation mean tokens of the operations so far (0 before the first)
 * @param forecastTotal tokens used once they are done
 * @param forecastRemaining tokens then left (0 if none)
 * @param willExceed whether {@code forecastTotal} is more than the budget
 * @param forecastLevel the warning level at {@code forecastTotal}
 */
public record Forecast(long operationsRemaining, double averagePerOperation, long forecastTotal,
                       long forecastRemaining, boolean willExceed, WarningLevel forecastLevel) {
}
