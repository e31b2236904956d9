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
import java.util.Optional;

import dev.sigil.layout.LogLayout;
import dev.sigil.layout.SessionId;
import dev.sigil.contract.event.EventTime;
import dev.sigil.monitor.state.SessionChoice;
import dev.sigil.tail.Confinement;
import dev.sigil.text.Nearest;

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
                id.value(), layout.root(), layout.root(), LogTarget.Kind.SESSION);
    }

    public LogTarget path(String pathText) {
        Path p = Path.of(pathText);
        if (Files.isDirectory(p)) {
            return new LogTarget(p.resolve(LogLayout.EXECUTION_LOG), PythonPath.join(pathText, LogLayout.EXECUTION_LOG), name(p),
                    layout.root(), null, LogTarget.Kind.PATH);
        }
        return new LogTarget(p, PythonPath.join(pathText), sessionOf(p), layout.root(), null, LogTarget.Kind.PATH);
    }

    public LogTarget active() {
        Path current = layout.current();
        return new LogTarget(current, PythonPath.join(rootText, LogLayout.CURRENT), sessionOf(current), layout.root(), layout.root(), LogTarget.Kind.ACTIVE);
    }

    /**
     * Why {@code target} cannot be waited for: the directory it would be created in does not exist (a mistyped
     * session or path, or no log ever written there). For a session, the sessions there are, and the nearest to the
     * name given; {@code hint} (what the user may do about it) comes right after the reason. Empty when the directory
     * exists (the file may still come).
     */
    public Optional<String> missingDirectory(LogTarget target, String hint) {
        Path dir = target.file().toAbsolutePath().getParent();
        if (dir == null || Files.isDirectory(dir)) {
            return Optional.empty();
        }
        return Optional.of(switch (target.kind()) {
            case SESSION -> "no session '" + target.session() + "' in " + layout.sessions() + hint + knownSessions(target.session());
            case ACTIVE -> "no active session: " + layout.root() + " does not exist, no log was written there yet" + hint;
            case PATH -> "no directory " + dir + " for " + target.file() + hint;
        });
    }

    /**
     * {@code "; sessions there, newest first: a, b; did you mean 'c'?"}, or that there are none; newest by the start
     * their first lines write (one small read each), as the picker orders them. For any message about a session
     * name that matches nothing.
     */
    public String knownSessions(String typed) {
        List<SessionChoice> byStart = new ArrayList<>();
        for (SessionChoice c : sessions()) {
            String started = SessionDigests.started(layout.executionLog(SessionId.of(c.id())));
            byStart.add(new SessionChoice(c.id(), c.modifiedMillis(), c.sizeBytes(), "", "", started, -1));
        }
        byStart.sort(Comparator.comparingLong(LogLocator::startKey).reversed().thenComparing(SessionChoice::id));
        List<String> ids = new ArrayList<>();
        for (SessionChoice c : byStart) {
            ids.add(c.id());
        }
        if (ids.isEmpty()) {
            return "; it holds no session yet";
        }
        int shown = Math.min(ids.size(), 8);
        String list = String.join(", ", ids.subList(0, shown)) + (ids.size() > shown ? ", … (" + ids.size() + " in all)" : "");
        return "; sessions there, newest first: " + list + Nearest.didYouMean(typed, ids);
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

    /**
     * The sessions as the picker offers them: each with its status, task, start and tokens ({@link SessionDigests}),
     * the newest start first (a session whose log does not say when it started counts from its last change).
     */
    public List<SessionChoice> pickerSessions(long nowMillis) {
        List<SessionChoice> out = new ArrayList<>();
        for (SessionChoice c : sessions()) {
            out.add(digest(c, nowMillis));
        }
        out.sort(Comparator.comparingLong(LogLocator::startKey).reversed().thenComparing(SessionChoice::id));
        return out;
    }

    /** What the picker says of one session of {@link #sessions()}: its status, task, start and tokens, read from its files. */
    public SessionChoice digest(SessionChoice plain, long nowMillis) {
        return SessionDigests.digest(plain, layout, nowMillis);
    }

    /** When a session started, in microseconds on {@link EventTime}'s line, else when its log last changed. */
    private static long startKey(SessionChoice c) {
        EventTime t = EventTime.parse(c.started());
        return t != null ? t.micros() : c.modifiedMillis() * 1000;
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
