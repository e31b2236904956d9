package dev.sigil.query;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;

import dev.sigil.contract.event.LogEvent;
import dev.sigil.spend.Ledger;

/**
 * The columns of {@code events}, in order: the one table of names, SQL types and values (docs/report.md §5). Text a
 * line does not have, numbers it does not state, the usage of a line without a usage record and the cost of a line
 * without a price are NULL.
 */
final class EventColumns {

    /** A column: its name, its SQL type and how a line's value is set. */
    record Column(String name, String sqlType, Setter setter) {
    }

    @FunctionalInterface
    interface Setter {
        void set(PreparedStatement p, int index, Row row) throws SQLException;
    }

    /** What one row is made of. */
    record Row(String file, long line, LogEvent event, Ledger.Line counted) {
    }

    static final List<Column> ALL = List.of(
            text("file", r -> r.file()),
            number("line", r -> r.line()),
            text("timestamp", r -> r.event().timestamp()),
            text("session_id", r -> r.counted().session()),
            text("event_type", r -> r.event().eventType()),
            text("component", r -> r.event().component()),
            text("operation", r -> r.event().operation()),
            text("level", r -> r.event().level().name().toLowerCase(Locale.ROOT)),
            text("message", r -> r.event().message()),
            number("tokens", r -> r.event().tokens()),
            number("counted_tokens", r -> r.counted().counted()),
            text("model", r -> r.event().usage().hasModel() ? r.event().usage().model() : ""),
            usage("input_tokens", r -> r.event().usage().inputTokens()),
            usage("output_tokens", r -> r.event().usage().outputTokens()),
            usage("cache_read_tokens", r -> r.event().usage().cacheReadTokens()),
            usage("cache_write_tokens", r -> r.event().usage().cacheWriteTokens()),
            usage("cache_write_1h_tokens", r -> r.event().usage().cacheWrite1hTokens()),
            usage("reasoning_tokens", r -> r.event().usage().reasoningTokens()),
            decimal("cost_usd", r -> r.counted().price().orElse(null)),
            new Column("latency_ms", "DOUBLE PRECISION", (p, i, r) -> {
                if (r.event().hasLatency()) {
                    p.setDouble(i, r.event().latencyMs());
                } else {
                    p.setNull(i, Types.DOUBLE);
                }
            }),
            stated("budget", r -> r.event().budget()),
            stated("budget_used", r -> r.event().budgetUsed()),
            stated("total_tokens", r -> r.event().totalTokens()),
            decimal("budget_usd", r -> r.event().hasBudgetUsd() ? r.event().budgetUsd() : null),
            text("error", r -> r.event().error()),
            text("error_type", r -> r.event().errorType()),
            text("error_code", r -> r.event().errorCode()),
            text("suggestion", r -> r.event().suggestion()),
            text("event_id", r -> r.event().attribution().eventId()),
            text("parent_id", r -> r.event().attribution().parentId()),
            text("correlation_id", r -> r.event().attribution().correlationId()),
            text("phase", r -> r.event().attribution().phase()),
            text("format", r -> r.event().format()),
            text("dialect", r -> r.event().dialect().name().toLowerCase(Locale.ROOT)));

    private EventColumns() {
    }

    /** {@code CREATE TABLE events (...)}. */
    static String createTable() {
        StringBuilder s = new StringBuilder("CREATE TABLE events (");
        for (int i = 0; i < ALL.size(); i++) {
            s.append(i == 0 ? "" : ", ").append('"').append(ALL.get(i).name()).append("\" ").append(ALL.get(i).sqlType());
        }
        return s.append(')').toString();
    }

    /** {@code INSERT INTO events VALUES (?, ...)}. */
    static String insert() {
        return "INSERT INTO events VALUES (" + "?, ".repeat(ALL.size() - 1) + "?)";
    }

    private interface Text {
        String of(Row r);
    }

    private interface Number {
        long of(Row r);
    }

    private interface Decimal {
        BigDecimal of(Row r);
    }

    private static Column text(String name, Text value) {
        return new Column(name, "VARCHAR", (p, i, r) -> {
            String v = value.of(r);
            if (v == null || v.isEmpty()) {
                p.setNull(i, Types.VARCHAR);
            } else {
                p.setString(i, v);
            }
        });
    }

    private static Column number(String name, Number value) {
        return new Column(name, "BIGINT", (p, i, r) -> p.setLong(i, value.of(r)));
    }

    /** A count of the line's usage record: NULL when it has none. */
    private static Column usage(String name, Number value) {
        return new Column(name, "BIGINT", (p, i, r) -> {
            if (r.event().usage().hasModel()) {
                p.setLong(i, value.of(r));
            } else {
                p.setNull(i, Types.BIGINT);
            }
        });
    }

    /** A number the line states, negative when it does not: NULL then. */
    private static Column stated(String name, Number value) {
        return new Column(name, "BIGINT", (p, i, r) -> {
            long v = value.of(r);
            if (v < 0) {
                p.setNull(i, Types.BIGINT);
            } else {
                p.setLong(i, v);
            }
        });
    }

    private static Column decimal(String name, Decimal value) {
        return new Column(name, "NUMERIC(38, 18)", (p, i, r) -> p.setBigDecimal(i, value.of(r)));
    }
}
