package dev.sigil.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import dev.sigil.layout.LogLayout;
import dev.sigil.layout.SessionId;
import dev.sigil.log.SessionParts;

/**
 * Which files a report reads, in reading order. A session (a directory, {@code --session}, each of {@code --all})
 * is its rotated parts, oldest first, then its live log; a file named {@code execution.jsonl} brings its directory's
 * rotated parts before it; any other file is read as it is. Each file once, in the order given.
 */
public final class ReportSources {

    private ReportSources() {
    }

    /**
     * The files of the PATHs given.
     *
     * @throws IllegalArgumentException naming a PATH that is neither a log nor a session directory
     */
    public static List<LogSource> ofPaths(List<Path> paths) throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> parts = SessionParts.of(p);
                if (parts.isEmpty()) {
                    throw new IllegalArgumentException(p + ": a directory without " + LogLayout.EXECUTION_LOG
                            + " (give a session's directory, a log file, --session ID or --all)");
                }
                files.addAll(parts);
            } else if (Files.isRegularFile(p)) {
                Path dir = p.toAbsolutePath().getParent();
                if (p.getFileName().toString().equals(LogLayout.EXECUTION_LOG) && dir != null) {
                    files.addAll(SessionParts.of(dir).stream().filter(f -> !f.getFileName().toString().equals(LogLayout.EXECUTION_LOG))
                            .toList());
                }
                files.add(p);
            } else {
                throw new IllegalArgumentException(p + ": " + (Files.exists(p) ? "not a regular file" : "no such file or directory"));
            }
        }
        return sources(files);
    }

    /** The files of one session of the layout. */
    public static List<LogSource> ofSession(LogLayout layout, SessionId id) throws IOException {
        Path dir = layout.sessionDirectory(id);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no session '" + id + "' in " + layout.sessions());
        }
        return sources(SessionParts.of(dir));
    }

    /** The files of every session of the layout, sessions in the order of their ids. */
    public static List<LogSource> all(LogLayout layout) throws IOException {
        TreeMap<String, Path> sessions = new TreeMap<>();
        if (Files.isDirectory(layout.sessions())) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(layout.sessions(), Files::isDirectory)) {
                dirs.forEach(d -> sessions.put(d.getFileName().toString(), d));
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path dir : sessions.values()) {
            files.addAll(SessionParts.of(dir));
        }
        return sources(files);
    }

    private static List<LogSource> sources(Iterable<Path> files) {
        List<LogSource> out = new ArrayList<>();
        files.forEach(f -> out.add(new LogSource(f, LogLayout.sessionOf(f))));
        return out;
    }
}
