import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The engine comparison of ADR 0155: one JDBC engine (the URL given), a table of events like sigil query's, N rows
 * inserted in batches from generated values (what sigil's reader hands the engine), then one aggregation. Prints
 * start-up (driver loaded, connection open, first statement) and the load and query times in milliseconds.
 * Run by scripts/bench/query/engines.sh, one JVM per engine.
 */
public final class QueryEngines {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int rows = Integer.parseInt(args[1]);
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE events (line BIGINT, timestamp VARCHAR, session_id VARCHAR, event_type VARCHAR,"
                        + " component VARCHAR, message VARCHAR, tokens BIGINT, model VARCHAR, input_tokens BIGINT,"
                        + " output_tokens BIGINT, cost_usd DOUBLE, latency_ms DOUBLE)");
            }
            long t1 = System.nanoTime();
            c.setAutoCommit(false);
            String[] types = {"step_start", "step_complete", "token_consumption", "agent_call", "error"};
            String[] comps = {"planning", "reasoning", "tools", "memory"};
            try (PreparedStatement p = c.prepareStatement("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < rows; i++) {
                    p.setLong(1, i + 1);
                    p.setString(2, String.format("2026-01-%02dT%02d:%02d:00.000000", 1 + i % 28, i % 24, i % 60));
                    p.setString(3, "session_" + (i % 1000));
                    p.setString(4, types[i % types.length]);
                    p.setString(5, comps[i % comps.length]);
                    p.setString(6, "Step " + i + " of the run: a message of about eighty bytes, like the ones orchestrate writes");
                    p.setLong(7, i % 7 == 0 ? 0 : 100 + i % 900);
                    p.setString(8, i % 3 == 0 ? "openai:gpt-4o" : "anthropic:claude-sonnet-4-5");
                    p.setLong(9, 50 + i % 500);
                    p.setLong(10, 20 + i % 300);
                    p.setDouble(11, (i % 1000) / 100000.0);
                    p.setDouble(12, i % 2000);
                    p.addBatch();
                    if (i % 1000 == 999) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
            c.commit();
            long t2 = System.nanoTime();
            long groups = 0;
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT component, model, count(*), sum(tokens), sum(cost_usd) FROM events"
                         + " WHERE event_type <> 'error' GROUP BY component, model ORDER BY 4 DESC")) {
                while (r.next()) {
                    groups++;
                }
            }
            long t3 = System.nanoTime();
            System.out.printf("open_ms=%d load_ms=%d query_ms=%d groups=%d%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    (t3 - t2) / 1_000_000, groups);
        }
    }
}
