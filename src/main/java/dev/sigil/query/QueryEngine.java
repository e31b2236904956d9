package dev.sigil.query;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.sigil.contract.format.FormatSet;
import dev.sigil.contract.event.EventTime;
import dev.sigil.report.LogSource;
import dev.sigil.report.ReportReader;
import dev.sigil.spend.Ledger;
import dev.sigil.spend.Prices;

/**
 * Runs one query over the lines of some logs: an H2 database in a private temporary directory (0700, removed after;
 * its page cache bounded by {@link #CACHE_KB}, so memory stays bounded whatever the logs' size), the lines loaded
 * into {@code events} by the owner, then the query run by a user that may only read {@code events} (no file
 * functions, no Java aliases, no writes: a query from a script cannot reach the file system). ADR 0155.
 */
public final class QueryEngine {

    /** H2's page cache, in KiB. */
    static final int CACHE_KB = 32 << 10;
    /** Rows a result may hold (a result is printed whole: JSON is one array); more is an error, not a cut. */
    public static final int MAX_ROWS = 1_000_000;
    private static final int BATCH = 1000;
    /** Words that are column names of {@code events}, not keywords, in every session. */
    private static final String WORDS = ";NON_KEYWORDS=TIMESTAMP,LINE,LEVEL,FORMAT,FILE,VALUE,KEY,DAY,HOUR,MINUTE,SECOND,MONTH,YEAR";

    private QueryEngine() {
    }

    /**
     * @param undated when a line with no readable time, in a session with none either, is priced
     * @throws QueryException saying what the engine refused in the query, and where (QueryErrors)
     */
    public static QueryResult run(String sql, List<LogSource> sources, FormatSet formats, Prices prices, EventTime undated)
            throws IOException, QueryException {
        Path dir = Files.createTempDirectory("sigil-query-");
        try {
            String url = "jdbc:h2:file:" + dir.resolve("events").toAbsolutePath() + ";FILE_LOCK=NO"; // a private directory: no other process
            String password = Long.toHexString(new java.security.SecureRandom().nextLong());
            long[] counts;
            try (Connection owner = DriverManager.getConnection(url + ";DATABASE_TO_LOWER=TRUE;CACHE_SIZE=" + CACHE_KB + WORDS, "sigil", password)) {
                counts = load(owner, sources, formats, prices, undated);
                try (Statement s = owner.createStatement()) {
                    s.execute("CREATE USER reader PASSWORD '" + password + "'");
                    s.execute("GRANT SELECT ON events TO reader");
                }
                try (Connection reader = DriverManager.getConnection(url + WORDS, "reader", password)) {
                    return select(reader, sql, counts);
                }
            } catch (SQLException e) {
                throw new QueryException(QueryErrors.of(e));
            }
        } finally {
            removeAll(dir);
        }
    }

    private static long[] load(Connection c, List<LogSource> sources, FormatSet formats, Prices prices, EventTime undated)
            throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute(EventColumns.createTable());
        }
        c.setAutoCommit(false);
        Ledger ledger = new Ledger(prices, undated);
        long[] lines = {0};
        long skipped;
        try (PreparedStatement p = c.prepareStatement(EventColumns.insert())) {
            SQLException[] failed = {null};
            skipped = ReportReader.each(sources, formats, (source, number, event) -> {
                if (failed[0] != null) {
                    return;
                }
                EventColumns.Row row = new EventColumns.Row(source.file().toString(), number, event, ledger.add(event, source.session()));
                try {
                    for (int i = 0; i < EventColumns.ALL.size(); i++) {
                        EventColumns.ALL.get(i).setter().set(p, i + 1, row);
                    }
                    p.addBatch();
                    if (++lines[0] % BATCH == 0) {
                        p.executeBatch();
                    }
                } catch (SQLException e) {
                    failed[0] = e;
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
            p.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        return new long[] {lines[0], skipped};
    }

    private static QueryResult select(Connection c, String sql, long[] counts) throws SQLException, QueryException {
        try (Statement s = c.createStatement()) {
            if (!s.execute(sql)) {
                throw new QueryException("the query returned no rows to print (sigil query runs one SELECT over events)");
            }
            try (ResultSet r = s.getResultSet()) {
                ResultSetMetaData m = r.getMetaData();
                List<String> columns = new ArrayList<>();
                List<QueryResult.Kind> kinds = new ArrayList<>();
                for (int i = 1; i <= m.getColumnCount(); i++) {
                    columns.add(m.getColumnLabel(i));
                    kinds.add(kind(m.getColumnType(i)));
                }
                List<List<Object>> rows = new ArrayList<>();
                while (r.next()) {
                    if (rows.size() >= MAX_ROWS) {
                        throw new QueryException("the result has more than " + MAX_ROWS + " rows; add a LIMIT or aggregate");
                    }
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(value(r, i, kinds.get(i - 1)));
                    }
                    rows.add(row);
                }
                return new QueryResult(columns, kinds, rows, counts[0], counts[1]);
            }
        }
    }

    private static QueryResult.Kind kind(int type) {
        return switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.FLOAT,
                 Types.REAL -> QueryResult.Kind.NUMBER;
            case Types.BOOLEAN, Types.BIT -> QueryResult.Kind.BOOLEAN;
            default -> QueryResult.Kind.TEXT;
        };
    }

    private static Object value(ResultSet r, int i, QueryResult.Kind kind) throws SQLException {
        Object v = r.getObject(i);
        if (v == null) {
            return null;
        }
        return switch (kind) {
            case NUMBER -> v instanceof Double || v instanceof Float ? (Object) ((Number) v).doubleValue()
                    : v instanceof BigDecimal d ? d.stripTrailingZeros() : (Object) ((Number) v).longValue();
            case BOOLEAN -> (Boolean) v;
            case TEXT -> v.toString();
        };
    }

    private static void removeAll(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
