package dev.sigil.log;

import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where everything lives under the log path (seed 001 §7.1):
 * <pre>
 * sessions/&lt;id&gt;/execution.jsonl        the active log (execution.&lt;n&gt;.jsonl: rotated parts, n = 1 is the oldest)
 * sessions/&lt;id&gt;/errors.jsonl           rejected entries, copies of error events, loss records
 * sessions/&lt;id&gt;/tokens.json, metrics.json   summaries written at session end
 * sessions/&lt;id&gt;/.lock                  held by the one logger writing the session
 * archive/YYYY-MM-DD/&lt;id&gt;.tar.gz        archived sessions
 * current.jsonl                        link to the active session's execution.jsonl
 * </pre>
 *
 * @param root the log path, as a real path
 */
public record LogLayout(Path root) {

    public static final String EXECUTION_LOG = "execution.jsonl";
    public static final String ERRORS_LOG = "errors.jsonl";
    public static final String TOKENS = "tokens.json";
    public static final String METRICS = "metrics.json";
    public static final String LOCK = ".lock";
    public static final String CURRENT = "current.jsonl";

    /** Rotated parts of the execution log: {@code execution.<n>.jsonl}, n counting up from 1. */
    public static final Pattern ROTATED = Pattern.compile("execution\\.([1-9][0-9]{0,8})\\.jsonl");

    public Path sessions() {
        return root.resolve("sessions");
    }

    public Path archive() {
        return root.resolve("archive");
    }

    public Path current() {
        return root.resolve(CURRENT);
    }

    public Path sessionDirectory(SessionId id) {
        return sessions().resolve(id.value());
    }

    public Path executionLog(SessionId id) {
        return sessionDirectory(id).resolve(EXECUTION_LOG);
    }

    /** The part number of a rotated log's file name, if it is one. */
    public static OptionalInt rotatedNumber(String fileName) {
        Matcher m = ROTATED.matcher(fileName);
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** The name of rotated part {@code n}. */
    public static String rotatedName(int n) {
        return "execution." + n + ".jsonl";
    }
}
