package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sigil query}'s arguments, said one way (the query first, or with {@code --sql}; an argument in the wrong
 * place refused with the reason), and the engine's refusals in sigil's words: what is wrong, where in the query for a
 * syntax error, never the engine's names, codes or a stack trace.
 */
class QueryCommandTest {

    @TempDir
    Path dir;

    private Path log;
    private Map<String, String> env;

    @BeforeEach
    void log() throws Exception {
        env = Map.of("HOME", dir.resolve("home").toString());
        log = Files.writeString(dir.resolve("run.jsonl"), ""
                + "{\"timestamp\":\"2026-03-02T10:00:00\",\"session_id\":\"s1\",\"event_type\":\"step_complete\",\"component\":\"reasoning\","
                + "\"message\":\"" + "m".repeat(8192) + "\",\"tokens\":5}\n"
                + "{\"timestamp\":\"2026-03-02T10:00:01\",\"session_id\":\"s1\",\"event_type\":\"step_complete\",\"component\":\"routing\","
                + "\"message\":\"r\",\"tokens\":7}\n");
    }

    private CliRun query(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "query";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(env, all);
    }

    @Test
    void theQueryIsTheFirstArgumentOrTheValueOfSql() {
        String sql = "SELECT component, tokens FROM events ORDER BY line";
        String expected = "[{\"component\":\"reasoning\",\"tokens\":5},{\"component\":\"routing\",\"tokens\":7}]\n";
        assertThat(query(sql, log.toString(), "--format", "json").out()).isEqualTo(expected);
        assertThat(query("--format", "json", sql, log.toString()).out()).isEqualTo(expected);
        assertThat(query(log.toString(), "--sql", sql, "--format", "json").out()).as("with --sql every argument is a PATH").isEqualTo(expected);
        assertThat(query("--sql", sql, "--format", "json", "--", log.toString()).out()).isEqualTo(expected);
        assertThat(query("SELECT '//a//' AS s", log.toString(), "--format", "json").out()).as("the query as written, no path rules applied")
                .isEqualTo("[{\"s\":\"//a//\"}]\n");
    }

    @Test
    void anArgumentInTheWrongPlaceIsRefusedWithTheReason() throws Exception {
        CliRun pathFirst = query(log.toString(), "SELECT 1 FROM events");
        assertThat(pathFirst.exitCode()).isEqualTo(2);
        assertThat(pathFirst.err()).isEqualTo("sigil query: '" + log + "' is a file, not a query: the query comes first (sigil query \"SQL\""
                + " [PATH... | --session ID | --all], or sigil query --sql \"SQL\" [PATH...])\n");
        CliRun twice = query("SELECT 1 FROM events", log.toString(), "select 2 from events");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).startsWith("sigil query: 'select 2 from events' is not a file but reads as a query: the query is given once, first (");
        CliRun both = query("--sql", "SELECT 1 FROM events", "WITH x AS (SELECT 1) SELECT * FROM x");
        assertThat(both.err()).contains("reads as a query: the query is given once, with --sql");
        assertThat(query().err()).startsWith("sigil query: give the query: sigil query \"SQL\" [PATH...");
        assertThat(query("  ", log.toString()).err()).startsWith("sigil query: the query is empty: ");
        Path odd = Files.writeString(dir.resolve("select.jsonl"), Files.readString(log)); // a file whose name reads as no query
        assertThat(query("SELECT count(*) AS n FROM events", odd.toString(), "--format", "json").out()).isEqualTo("[{\"n\":2}]\n");
    }

    @Test
    void theEnginesRefusalsReadAsSigilsOwn() {
        assertThat(error("SELEC 1")).isEqualTo("the query: syntax error at line 1, column 1, at \"SELEC 1\"");
        assertThat(error("SELECT count(*) FROM events WHERE")).isEqualTo("the query: syntax error at line 1, column 34: the query ends too"
                + " early, after \"...unt(*) FROM events WHERE\"");
        assertThat(error("SELECT component\nFROM events\nWHERE tokens > 'a")).isEqualTo("the query: syntax error at line 3, column 16, at \"'a\"");
        assertThat(error("SELECT\t\"x\"\"y\", 'a\\b' FROM events WHERE")).as("places counted in the query as given: a tab, a quote, a backslash")
                .isEqualTo("the query: syntax error at line 1, column 39: the query ends too early, after \"... 'a\\b' FROM events WHERE\"");
        assertThat(error("SELECT nope FROM events")).startsWith("the query: no column \"nope\" in events (its columns: file, line, timestamp,");
        assertThat(error("SELECT * FROM other")).isEqualTo("the query: no table \"other\": the one table is events");
        assertThat(error("SELECT nofunc(1) FROM events")).isEqualTo("the query: no SQL function \"nofunc\"");
        assertThat(error("SELECT component, count(*) FROM events")).startsWith("the query: column \"component\" must be in the GROUP BY list");
        assertThat(error("SELECT sum(message) FROM events")).isEqualTo("the query: sum or avg of \"SUM(message)\", which is not a number");
        assertThat(error("SELECT tokens / 0 FROM events")).isEqualTo("the query: division by zero");
        assertThat(error("SELECT * FROM events WHERE tokens = 'a'")).startsWith("the query: a value cannot be converted: \"a\"");
        assertThat(error("SELECT * FROM events WHERE tokens = ?")).startsWith("the query: the query has a parameter (?)");
        assertThat(error("DELETE FROM events")).isEqualTo("the query: the query may only read the table events (one SELECT): it asked for more");
        assertThat(error("SELECT FILE_READ('/etc/passwd') FROM events")).startsWith("the query: the query may only read the table events");
        for (String sql : new String[] {"SELEC 1", "SELECT nope FROM events", "DELETE FROM events", "SELECT CAST('x' AS DATE) FROM events",
            "SELECT REGEXP_LIKE(message, '(') FROM events", "SELECT 1 FROM events UNION SELECT 1, 2 FROM events"}) {
            CliRun r = query(sql, log.toString());
            assertThat(r.exitCode()).as(sql).isEqualTo(2);
            assertThat(r.err()).as(sql).startsWith("sigil query: the query: ").doesNotContain("h2", "H2", "Jdbc", "Exception", "[*]", "SQL statement:")
                    .doesNotContainPattern("\\[[0-9]{5}-[0-9]+]").doesNotContain("\tat ");
            assertThat(r.err().lines()).as(sql).hasSize(1);
        }
    }

    private String error(String sql) {
        CliRun r = query(sql, log.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("sigil query: ");
        return r.err().strip().substring("sigil query: ".length());
    }
}
