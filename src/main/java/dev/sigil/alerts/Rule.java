package dev.sigil.alerts;

import java.math.BigDecimal;
import java.util.List;

import dev.sigil.cost.Money;

/**
 * One rule of a rules file.
 *
 * @param name unique in its file
 * @param description as written, ""
 * @param enabled false: kept but not evaluated
 * @param metric what is measured
 * @param scope which lines count
 * @param window over which lines
 * @param op the comparison
 * @param threshold what the metric is compared with
 * @param severity how much it matters
 * @param cooldownMicros log time to stay quiet after firing; negative: the default (once per session, or per
 *        calendar hour or day, or per sliding window length)
 * @param cooldownText as written, "" when absent
 * @param actions what firing does, in order
 * @param line the line of the rule in its file
 */
public record Rule(String name, String description, boolean enabled, Metric metric, Scope scope, Window window, Op op,
                   BigDecimal threshold, Severity severity, long cooldownMicros, String cooldownText, List<Action> actions, int line) {

    public Rule {
        actions = List.copyOf(actions);
    }

    /** An action of a rule: where an alert is printed, as text or as JSON. */
    public enum Action {
        STDOUT("stdout"), STDERR("stderr"), STDOUT_JSON("stdout:json"), STDERR_JSON("stderr:json");

        private final String wire;

        Action(String wire) {
            this.wire = wire;
        }

        public String wireName() {
            return wire;
        }

        static Action of(String wire) {
            for (Action a : values()) {
                if (a.wire.equals(wire)) {
                    return a;
                }
            }
            throw new IllegalArgumentException(wire);
        }
    }

    /** "cost_usd >= 5.0 over session", as {@code sigil alerts list} shows the condition. */
    public String condition() {
        return metric.wireName() + " " + op.symbol() + " " + Money.plain(threshold) + " over " + window.text();
    }
}
