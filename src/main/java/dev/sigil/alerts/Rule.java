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

    /**
     * An action of a rule: a line printed (text or JSON, on stdout or stderr), an alert entry in the session's log, the
     * dashboard's bell, a stop of the run, a command run with the alert's JSON on its standard input, or a webhook.
     *
     * @param kind which
     * @param command the program and its arguments, for {@link Kind#COMMAND}; empty otherwise
     * @param timeoutMillis how long the command (or one try of the webhook) may run before it is stopped
     * @param webhook where and how to post, for {@link Kind#WEBHOOK}; null otherwise
     */
    public record Action(Kind kind, List<String> command, long timeoutMillis, Hook webhook) {

        /** The command action's timeout when the rule gives none. */
        public static final long DEFAULT_TIMEOUT_MILLIS = 10_000;
        /** One try of a webhook, when the rule gives no timeout. */
        public static final long DEFAULT_WEBHOOK_TIMEOUT_MILLIS = 5_000;

        public static final Action STDOUT = new Action(Kind.STDOUT, List.of(), 0);

        public Action {
            command = List.copyOf(command);
        }

        public Action(Kind kind, List<String> command, long timeoutMillis) {
            this(kind, command, timeoutMillis, null);
        }

        /** The kinds of action. */
        public enum Kind {
            STDOUT("stdout"), STDERR("stderr"), STDOUT_JSON("stdout:json"), STDERR_JSON("stderr:json"), LOG("log"), BELL("bell"),
            STOP("stop"), COMMAND("command"), WEBHOOK("webhook");

            private final String wire;

            Kind(String wire) {
                this.wire = wire;
            }
        }

        static Action of(String wire) {
            for (Kind k : Kind.values()) {
                if (k.wire.equals(wire) && k != Kind.COMMAND && k != Kind.WEBHOOK) {
                    return new Action(k, List.of(), 0);
                }
            }
            throw new IllegalArgumentException(wire);
        }

        /** {@code stdout:json}, {@code command:PROGRAM} for a command, {@code webhook:URL} for a webhook. */
        public String wireName() {
            return switch (kind) {
                case COMMAND -> "command:" + command.get(0);
                case WEBHOOK -> "webhook:" + webhook.url();
                default -> kind.wire;
            };
        }
    }

    /**
     * A webhook: the URL posted to, the tries after the first, at most {@code rateCount} posts per {@code ratePerMillis}
     * (0: no limit), and whether the payload is Slack's {@code {"text": ...}} rather than the alert's object.
     */
    public record Hook(String url, int retries, int rateCount, long ratePerMillis, boolean slack) {
        /** Tries after the first, when the rule says nothing. */
        public static final int DEFAULT_RETRIES = 3;
    }

    /** Whether firing stops a run ({@code stop} among the actions). */
    public boolean stops() {
        return actions.stream().anyMatch(a -> a.kind() == Action.Kind.STOP);
    }

    /** "cost_usd >= 5.0 over session", as {@code sigil alerts list} shows the condition. */
    public String condition() {
        return metric.wireName() + " " + op.symbol() + " " + Money.plain(threshold) + " over " + window.text();
    }
}
