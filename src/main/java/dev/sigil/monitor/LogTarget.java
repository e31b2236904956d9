package dev.sigil.monitor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.tail.FileTailSource;

/**
 * The log a monitor follows.
 *
 * @param file the file to read (a symlink such as {@code current.jsonl} is followed by the tailer)
 * @param shown the path as the documented monitor prints it ({@code Found log file: ...})
 * @param session the session's name for headers and the summary
 * @param logPath the base log directory, for the session picker
 * @param confinedTo the directory the file must lead into (the log directory, for a session or the active one: a
 *        link planted there must not lead elsewhere), or null for a path the user gave
 * @param kind how the user named it
 * @param companions files read with it (a Claude Code session's sub-agents), none for a sigil log
 */
public record LogTarget(Path file, String shown, String session, Path logPath, Path confinedTo, Kind kind, List<Path> companions) {

    /** How a log was named: {@code --session ID}, a PATH, or neither (the active session). */
    public enum Kind { SESSION, PATH, ACTIVE }

    public LogTarget {
        companions = List.copyOf(companions);
    }

    /** A target of one file. */
    public LogTarget(Path file, String shown, String session, Path logPath, Path confinedTo, Kind kind) {
        this(file, shown, session, logPath, confinedTo, kind, List.of());
    }

    /** A source reading this target, confined when it should be. */
    public FileTailSource source() {
        FileTailSource s = new FileTailSource(file, shown);
        return confinedTo == null ? s : s.confinedTo(confinedTo);
    }

    /** The sources of this target, read together: the log, and the files read with it. */
    public List<FileTailSource> sources() {
        List<FileTailSource> all = new ArrayList<>();
        all.add(source());
        for (Path p : companions) {
            FileTailSource s = new FileTailSource(p, p.toString());
            all.add(confinedTo == null ? s : s.confinedTo(confinedTo));
        }
        return all;
    }
}
