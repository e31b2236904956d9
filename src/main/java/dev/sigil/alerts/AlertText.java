package dev.sigil.alerts;

import java.util.Map;

import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.cost.Money;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * An alert as one line: JSON (an object with {@code rule}, {@code severity}, {@code metric}, {@code value},
 * {@code op}, {@code threshold}, {@code window}, {@code scope}, {@code session_id}, {@code timestamp}, {@code file},
 * {@code line}; numbers exact, strings as CPython writes them) or text for people. Pure.
 */
public final class AlertText {

    private static final PythonJsonWriter STRINGS = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);

    private AlertText() {
    }

    public static String json(Alert a) {
        Rule r = a.rule();
        StringBuilder s = new StringBuilder("{\"rule\":").append(string(r.name()))
                .append(",\"severity\":").append(string(r.severity().wireName()))
                .append(",\"metric\":").append(string(r.metric().wireName()))
                .append(",\"value\":").append(Money.plain(a.value()))
                .append(",\"op\":").append(string(r.op().symbol()))
                .append(",\"threshold\":").append(Money.plain(r.threshold()))
                .append(",\"window\":").append(string(r.window().text()))
                .append(",\"scope\":{");
        boolean first = true;
        for (Map.Entry<String, String> k : r.scope().keys().entrySet()) {
            s.append(first ? "" : ",").append(string(k.getKey())).append(':').append(string(k.getValue()));
            first = false;
        }
        return s.append("},\"session_id\":").append(string(a.sessionId()))
                .append(",\"timestamp\":").append(string(a.timestamp()))
                .append(",\"file\":").append(string(a.file()))
                .append(",\"line\":").append(a.line()).append('}').toString();
    }

    /** {@code 2026-01-11T14:30:00 WARNING reasoning-cost: cost_usd 5.25 >= 5 over session (session s1, run.jsonl:42)}. */
    public static String text(Alert a) {
        Rule r = a.rule();
        String where = a.file().isEmpty() ? "" : ", " + a.file() + ":" + a.line();
        return (a.timestamp().isEmpty() ? "" : a.timestamp() + " ") + r.severity().name() + " " + r.name() + ": " + r.metric().wireName()
                + " " + value(a) + " " + r.op().symbol() + " " + Money.plain(r.threshold()) + " over " + r.window().text()
                + " (session " + a.sessionId() + where + ")";
    }

    /** The metric's value as people read it: dollars for cost. */
    static String value(Alert a) {
        return a.rule().metric() == Metric.COST_USD ? Money.dollars(a.value()) : Money.plain(a.value());
    }

    /** Slack's incoming-webhook payload: {@code {"text": TEXT}}. */
    public static String slack(Alert a) {
        return "{\"text\":" + string(text(a)) + "}";
    }

    static String string(String text) {
        return STRINGS.encodeToString(JsonNodeFactory.instance.stringNode(text));
    }
}
