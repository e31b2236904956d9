package dev.sigil.alerts;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.model.Metadata;
import tools.jackson.databind.JsonNode;

/**
 * The {@code alert} entry of the {@code log} action (docs/alerts.md §5): its message (the alert's text without the
 * timestamp and the place) and its metadata ({@code severity}, and {@code alert}: the alert's JSON object, as
 * {@code sigil alerts test --format json} prints it). Pure; the writer is the caller's.
 */
public final class AlertEntry {

    /** The event type of the entry. */
    public static final String EVENT_TYPE = "alert";

    private AlertEntry() {
    }

    public static String message(Alert a) {
        Rule r = a.rule();
        return r.severity().name() + " " + r.name() + ": " + r.metric().wireName() + " " + AlertText.value(a) + " " + r.op().symbol()
                + " " + dev.sigil.cost.Money.plain(r.threshold()) + " over " + r.window().text();
    }

    public static Metadata.Builder metadata(Alert a) {
        JsonNode alert;
        try {
            alert = new PythonJsonReader().read(AlertText.json(a).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (JsonSyntaxException e) {
            throw new IllegalStateException("the alert's own JSON does not read back", e);
        }
        return Metadata.builder().severity(a.rule().severity().wireName()).put("alert", alert);
    }
}
