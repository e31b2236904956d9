package dev.sigil.tokens;

import java.math.BigDecimal;
import java.math.RoundingMode;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link BudgetStatus} as JSON in the shape of the seed tracker's status ({@code to_dict}), utilizations in percent
 * as in the session's {@code tokens.json} (which the logger writes, from the same status). Write the result with
 * {@code PythonJsonWriter}.
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
     * Python's {@code round(x, 2)}: the exact binary value rounded half to even. {@code tokens.json} (written by the
     * logger) holds the utilizations rounded so.
     */
    public static double round2(double x) {
        return new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }
}
