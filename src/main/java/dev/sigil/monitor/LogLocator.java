package dev.sigil.monitor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import dev.sigil.monitor.state.SessionChoice;
import dev.sigil.tail.Confinement;

/**
 * Finds the log to follow: {@code --session ID} gives {@code LOG_PATH/sessions/ID/execution.jsonl} (the documented
 * monitor's rule), a PATH gives that file (or {@code PATH/execution.jsonl} for a directory), and nothing gives the
 * active session, {@code LOG_PATH/current.jsonl}. Also lists the sessions the picker offers.
 */
public final class LogLocator {

    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String LOG_FILE = "execution.jsonl";

    private final Path logPath;
    private final String logPathText;

    /** {@code logPathText} as the user gave it (or the default), kept to print it the way Python would. */
    public LogLocator(String logPathText) {
        this.logPathText = logPathText;
        this.logPath = Path.of(logPathText);
    }

    public static boolean isSessionId(String id) {
        return SESSION_ID.matcher(id).matches();
    }

    public LogTarget session(String id) {
        return new LogTarget(logPath.resolve("sessions").resolve(id).resolve(LOG_FILE),
                PythonPath.join(logPathText, "sessions", id, LOG_FILE), id, logPath, logPath);
    }

    public LogTarget path(String pathText) {
        Path p = Path.of(pathText);
        if (Files.isDirectory(p)) {
            return new LogTarget(p.resolve(LOG_FILE), PythonPath.join(pathText, LOG_FILE), name(p), logPath, null);
        }
        return new LogTarget(p, PythonPath.join(pathText), sessionOf(p), logPath, null);
    }

    public LogTarget active() {
        Path current = logPath.resolve("current.jsonl");
        return new LogTarget(current, PythonPath.join(logPathText, "current.jsonl"), sessionOf(current), logPath, logPath);
    }

    /** The sessions under {@code LOG_PATH/sessions}, the most recently written first. */
    public List<SessionChoice> sessions() {
        List<SessionChoice> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(logPath.resolve("sessions"))) {
            for (Path dir : dirs) {
                String id = name(dir);
                Path log = dir.resolve(LOG_FILE);
                if (!isSessionId(id) || !Files.isRegularFile(log) || Confinement.outside(log, logPath) != null) {
                    continue; // not a session, or a link planted to lead elsewhere
                }
                BasicFileAttributes a = Files.readAttributes(log, BasicFileAttributes.class);
                out.add(new SessionChoice(id, a.lastModifiedTime().toMillis(), a.size()));
            }
        } catch (IOException e) {
            return out; // no sessions directory (yet): nothing to pick
        }
        out.sort(Comparator.comparingLong(SessionChoice::modifiedMillis).reversed().thenComparing(SessionChoice::id));
        return out;
    }

    /** A session's name for a log file: its directory's when it is {@code .../<id>/execution.jsonl}. */
    static String sessionOf(Path file) {
        Path real = file;
        try {
            if (Files.isSymbolicLink(file)) {
                real = file.resolveSibling(Files.readSymbolicLink(file)).normalize();
            } else if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                real = file.toRealPath();
            }
        } catch (IOException e) {
            real = file;
        }
        if (real.getFileName() != null && real.getFileName().toString().equals(LOG_FILE) && real.getParent() != null
                && real.getParent().getFileName() != null) {
            return name(real.getParent());
        }
        String n = name(real);
        return n.endsWith(".jsonl") ? n.substring(0, n.length() - ".jsonl".length()) : n;
    }

    private static String name(Path p) {
        Path n = p.toAbsolutePath().normalize().getFileName();
        return n == null ? p.toString() : n.toString();
    }
}
