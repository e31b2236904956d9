package dev.sigil.layout;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where everything lives under the log root (seed 001 §7.1), the one place that names it:
 * <pre>
 * sessions/&lt;id&gt;/execution.jsonl        the active log (execution.&lt;n&gt;.jsonl: rotated parts, n = 1 is the oldest)
 * sessions/&lt;id&gt;/errors.jsonl           rejected entries, copies of error events, loss records
 * sessions/&lt;id&gt;/outputs.jsonl          the orchestrator's step outputs (for --resume)
 * sessions/&lt;id&gt;/tokens.json, metrics.json   summaries written at session end
 * sessions/&lt;id&gt;/session.json, status.json   the session document and the pipeline's status, kept current
 * sessions/&lt;id&gt;/.lock                  held by the one logger writing the session
 * archive/YYYY-MM-DD/&lt;id&gt;.tar.gz        archived sessions (&lt;id&gt;.&lt;n&gt;.tar.gz when the day has one already)
 * current.jsonl                        link to the active session's execution.jsonl
 * monitor.pid                          the running monitors, one line each (.monitor.lock guards its updates)
 * .maintenance.lock                    held by the one {@code sigil logs} run at work
 * </pre>
 *
 * @param root the log root
 */
public record LogLayout(Path root) {

    public static final String SESSIONS = "sessions";
    public static final String ARCHIVE = "archive";
    public static final String EXECUTION_LOG = "execution.jsonl";
    public static final String ERRORS_LOG = "errors.jsonl";
    public static final String OUTPUTS = "outputs.jsonl";
    public static final String TOKENS = "tokens.json";
    public static final String METRICS = "metrics.json";
    public static final String LOCK = ".lock";
    public static final String CURRENT = "current.jsonl";
    public static final String MAINTENANCE_LOCK = ".maintenance.lock";
    public static final String SESSION_DOCUMENT = "session.json";
    public static final String STATUS = "status.json";
    public static final String MONITOR_PID = "monitor.pid";
    public static final String MONITOR_LOCK = ".monitor.lock";
    /** How far {@code sigil alerts watch} has delivered the alerts of the session's log (docs/alerts.md §4). */
    public static final String ALERTS_STATE = "alerts.state.json";
    /** {@code sigil report}'s totals of the session's files, rebuilt when they change (docs/report.md). */
    public static final String REPORT_CACHE = "report.cache.json";

    /** Rotated parts of the execution log: {@code execution.<n>.jsonl}, n counting up from 1. */
    public static final Pattern ROTATED = partsOf(EXECUTION_LOG);

    private static final String ARCHIVE_SUFFIX = ".tar.gz";
    private static final String TEMPORARY_SUFFIX = ".tmp";
    /** {@code <id>.tar.gz} or {@code <id>.<n>.tar.gz}, n from 2 with no leading zero. */
    private static final Pattern ARCHIVE_FILE = Pattern.compile("([^.]+)(?:\\.(?:[2-9]|[1-9][0-9]{1,3}))?\\.tar\\.gz");
    private static final Pattern ARCHIVE_DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    public Path sessions() {
        return root.resolve(SESSIONS);
    }

    public Path archive() {
        return root.resolve(ARCHIVE);
    }

    public Path current() {
        return root.resolve(CURRENT);
    }

    public Path maintenanceLock() {
        return root.resolve(MAINTENANCE_LOCK);
    }

    public Path monitorPid() {
        return root.resolve(MONITOR_PID);
    }

    public Path sessionDirectory(SessionId id) {
        return sessions().resolve(id.value());
    }

    public Path executionLog(SessionId id) {
        return sessionDirectory(id).resolve(EXECUTION_LOG);
    }

    /** {@code sessions/<id>/execution.jsonl}, relative to the root (what {@code current.jsonl} points to). */
    public static Path relativeExecutionLog(SessionId id) {
        return Path.of(SESSIONS, id.value(), EXECUTION_LOG);
    }

    /** The directory of the archives made on {@code day}: {@code archive/YYYY-MM-DD}. */
    public Path archiveDay(LocalDate day) {
        return archive().resolve(day.toString());
    }

    /** The day an archive directory's name stands for, if it is one ({@code YYYY-MM-DD}). */
    public static Optional<LocalDate> archiveDayOf(String directoryName) {
        if (!ARCHIVE_DAY.matcher(directoryName).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(directoryName));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The name of a session's {@code n}-th archive of a day: {@code <id>.tar.gz}, then {@code <id>.2.tar.gz}, ... */
    public static String archiveName(String id, int n) {
        return n == 1 ? id + ARCHIVE_SUFFIX : id + "." + n + ARCHIVE_SUFFIX;
    }

    /** Whether {@code fileName} is what {@link #archiveName} makes of a valid session id. */
    public static boolean isArchiveName(String fileName) {
        Matcher m = ARCHIVE_FILE.matcher(fileName);
        return m.matches() && SessionId.isValid(m.group(1));
    }

    /**
     * The temporary name under which {@code name} is written before it is renamed into place ({@code .<name>.tmp}):
     * summaries, archives. Files that start with a dot are never sessions or archives.
     */
    public static String temporaryName(String name) {
        return "." + name + TEMPORARY_SUFFIX;
    }

    /**
     * The checkpoint of the dashboard's fold kept beside the log {@code logName} ({@code .<name>.fold}, ADR 0165): a
     * dot name, never a session, a part or an archive.
     */
    public static String foldCheckpointName(String logName) {
        return "." + logName + ".fold";
    }

    /** Whether {@code fileName} is the temporary name of an archive ({@link #temporaryName} of an {@link #isArchiveName}). */
    public static boolean isArchiveTemporary(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(TEMPORARY_SUFFIX)
                && isArchiveName(fileName.substring(1, fileName.length() - TEMPORARY_SUFFIX.length()));
    }

    /**
     * The rotated parts of a log called {@code activeName}: {@code stem.<n>.ext} for {@code stem.ext}, n from 1 with no
     * leading zero (what {@code Rotation} writes); for any log file a tailer follows, not only {@code execution.jsonl}.
     */
    public static Pattern partsOf(String activeName) {
        int dot = activeName.lastIndexOf('.');
        String stem = dot > 0 ? activeName.substring(0, dot) : activeName;
        String extension = dot > 0 ? activeName.substring(dot) : "";
        return Pattern.compile(Pattern.quote(stem) + "\\.([1-9][0-9]{0,8})" + Pattern.quote(extension));
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

    /**
     * Where {@code sigil alerts watch} keeps its state for the log {@code log}: {@link #ALERTS_STATE} beside a
     * session's execution log, {@code NAME.alerts.state.json} beside any other log {@code NAME.jsonl}.
     */
    public static Path alertsStateOf(Path log) {
        Path dir = log.toAbsolutePath().getParent();
        String n = log.getFileName().toString();
        if (n.equals(EXECUTION_LOG)) {
            return dir.resolve(ALERTS_STATE);
        }
        return dir.resolve((n.endsWith(".jsonl") ? n.substring(0, n.length() - ".jsonl".length()) : n) + "." + ALERTS_STATE);
    }

    /**
     * Where {@code sigil report} keeps the totals of the log {@code log} (with its rotated parts): {@link #REPORT_CACHE}
     * beside a session's execution log or part, {@code NAME.report.cache.json} beside any other log {@code NAME.jsonl}.
     */
    public static Path reportCacheOf(Path log) {
        Path dir = log.toAbsolutePath().getParent();
        String n = log.getFileName().toString();
        if (n.equals(EXECUTION_LOG) || ROTATED.matcher(n).matches()) {
            return dir.resolve(REPORT_CACHE);
        }
        return dir.resolve((n.endsWith(".jsonl") ? n.substring(0, n.length() - ".jsonl".length()) : n) + "." + REPORT_CACHE);
    }

    /**
     * The session a log file belongs to, from its place in the layout: {@code <id>} for {@code .../<id>/execution.jsonl}
     * or one of its parts, else the file's name without {@code .jsonl}.
     */
    public static String sessionOf(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return file.toString();
        }
        String n = name.toString();
        Path parent = file.getParent();
        if ((n.equals(EXECUTION_LOG) || ROTATED.matcher(n).matches()) && parent != null && parent.getFileName() != null) {
            return parent.getFileName().toString();
        }
        return n.endsWith(".jsonl") ? n.substring(0, n.length() - ".jsonl".length()) : n;
    }
}
