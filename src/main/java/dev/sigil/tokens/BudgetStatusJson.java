package dev.sigil.tokens;

import java.math.BigDecimal;
import java.math.RoundingMode;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link BudgetStatus} as JSON, in the two shapes of the seed: the tracker's status ({@code to_dict}) and the
 * session's final summary ({@code tokens.json}). Utilizations are percentages in both; the summary rounds them to two
 * decimals as Python's {@code round(x, 2)} does. Write the result with {@code PythonJsonWriter}.
 */
public final class BudgetStatusJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BudgetStatusJson() {
    }

    /** The seed's {@code TokenBudget.to_dict()}: total, used, remaining, utilization, warning_level, components. */
    public static ObjectNode status(BudgetStatus status) {
        ObjectNode root = NODES.objectNode();
        root.put("total", status.total());
        root.put("used", status.used());
        root.put("remaining", status.remaining());
        root.put("utilization", status.utilization());
        root.put("warning_level", status.level().wireName());
        ObjectNode components = root.putObject("components");
        for (ComponentStatus c : status.components()) {
            ObjectNode node = components.putObject(c.component().wireName());
            node.put("allocated", c.allocated());
            node.put("used", c.used());
            node.put("remaining", c.remaining());
            node.put("utilization", c.utilization());
            node.put("operations", c.operations());
        }
        return root;
    }

    /**
     * The seed's {@code tokens.json}.
     *
     * @param sessionId the session
     * @param timestamp when the summary was taken, as the log writes timestamps
     */
    public static ObjectNode summary(String sessionId, String timestamp, BudgetStatus status) {
        ObjectNode root = NODES.objectNode();
        root.put("session_id", sessionId);
        root.put("timestamp", timestamp);
        root.put("total_budget", status.total());
        root.put("total_used", status.used());
        root.put("total_remaining", status.remaining());
        root.put("utilization_percentage", round2(status.utilization()));
        ObjectNode components = root.putObject("components");
        for (ComponentStatus c : status.components()) {
            ObjectNode node = components.putObject(c.component().wireName());
            node.put("allocated", c.allocated());
            node.put("used", c.used());
            node.put("utilization", round2(c.utilization()));
        }
        return root;
    }

    /** Python's {@code round(x, 2)}: the exact binary value rounded half to even. */
    static double round2(double x) {
        return new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }
}
