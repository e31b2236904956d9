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

import dev.sigil.layout.LogLayout;
import dev.sigil.layout.SessionId;
import dev.sigil.monitor.state.SessionChoice;
import dev.sigil.tail.Confinement;

/**
 * Finds the log to follow, in the log directory's layout ({@link LogLayout}): {@code --session ID} gives the session's
 * {@code execution.jsonl}, a PATH gives that file (or {@code PATH/execution.jsonl} for a directory), and nothing gives
 * the active session, {@code current.jsonl}. Also lists the sessions the picker offers.
 */
public final class LogLocator {

    private final LogLayout layout;
    private final String rootText;
    /** A folder of transcripts whose sessions the picker offers instead of the log root's, or null. */
    private final TranscriptFolder transcripts;

    /**
     * @param layout the log root
     * @param rootText the log root as the user gave it (or the configuration's), kept to print paths the way Python
     *        would
     */
    public LogLocator(LogLayout layout, String rootText) {
        this(layout, rootText, null);
    }

    private LogLocator(LogLayout layout, String rootText, TranscriptFolder transcripts) {
        this.layout = layout;
        this.rootText = rootText;
        this.transcripts = transcripts;
    }

    /** This locator offering the sessions of {@code folder} (a Claude Code projects folder) to the picker. */
    public LogLocator withTranscripts(TranscriptFolder folder) {
        return new LogLocator(layout, rootText, folder);
    }

    /** A locator for the log root written {@code rootText}. */
    public LogLocator(String rootText) {
        this(new LogLayout(Path.of(rootText)), rootText);
    }

    /** The log root's layout. */
    public LogLayout layout() {
        return layout;
    }

    public LogTarget session(SessionId id) {
        if (transcripts != null) {
            return transcripts.session(id);
        }
        return new LogTarget(layout.executionLog(id), PythonPath.join(rootText, LogLayout.relativeExecutionLog(id).toString()),
                id.value(), layout.root(), layout.root());
    }

    public LogTarget path(String pathText) {
        Path p = Path.of(pathText);
        if (Files.isDirectory(p)) {
            return new LogTarget(p.resolve(LogLayout.EXECUTION_LOG), PythonPath.join(pathText, LogLayout.EXECUTION_LOG), name(p),
                    layout.root(), null);
        }
        return new LogTarget(p, PythonPath.join(pathText), sessionOf(p), layout.root(), null);
    }

    public LogTarget active() {
        Path current = layout.current();
        return new LogTarget(current, PythonPath.join(rootText, LogLayout.CURRENT), sessionOf(current), layout.root(), layout.root());
    }

    /** The sessions under {@code sessions/} (or of the folder of transcripts), the most recently written first. */
    public List<SessionChoice> sessions() {
        if (transcripts != null) {
            return transcripts.sessions();
        }
        List<SessionChoice> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(layout.sessions())) {
            for (Path dir : dirs) {
                String id = name(dir);
                if (!SessionId.isValid(id)) {
                    continue; // not a session
                }
                Path log = layout.executionLog(SessionId.of(id));
                if (!Files.isRegularFile(log) || Confinement.outside(log, layout.root()) != null) {
                    continue; // no log, or a link planted to lead elsewhere
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

    /** A session's name for a log file, from where it really is ({@code current.jsonl} is followed). */
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
        return LogLayout.sessionOf(real.toAbsolutePath().normalize());
    }

    private static String name(Path p) {
        Path n = p.toAbsolutePath().normalize().getFileName();
        return n == null ? p.toString() : n.toString();
    }
}
