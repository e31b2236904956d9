package dev.sigil.monitor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.sigil.layout.SessionId;
import dev.sigil.monitor.state.SessionChoice;

/**
 * A folder of transcripts, one session per file, as Claude Code keeps them ({@code ~/.claude/projects/<project>/<session>.jsonl},
 * each session's sub-agents in {@code <session>/subagents/*.jsonl}): what the dashboard's session picker offers when
 * {@code sigil monitor} is given such a folder (docs/formats.md). A session is a {@code *.jsonl} file of the folder or
 * of a folder in it whose name is a session id; its sub-agents' files are read with it. Links are not followed.
 */
public final class TranscriptFolder {

    /** A session's file and the files read with it. */
    private record Transcript(Path file, List<Path> companions, long modifiedMillis, long size) {
    }

    private final Path folder;

    private TranscriptFolder(Path folder) {
        this.folder = folder;
    }

    /** The folder of transcripts {@code dir} is, if it holds at least one (a sigil log directory is not one). */
    public static Optional<TranscriptFolder> of(Path dir) {
        if (!Files.isDirectory(dir) || Files.exists(dir.resolve(dev.sigil.layout.LogLayout.EXECUTION_LOG))) {
            return Optional.empty();
        }
        TranscriptFolder f = new TranscriptFolder(dir);
        return f.transcripts().isEmpty() ? Optional.empty() : Optional.of(f);
    }

    /** The sessions, the most recently written first. */
    public List<SessionChoice> sessions() {
        List<SessionChoice> out = new ArrayList<>();
        transcripts().forEach((id, t) -> out.add(new SessionChoice(id, t.modifiedMillis, t.size)));
        out.sort(Comparator.comparingLong(SessionChoice::modifiedMillis).reversed().thenComparing(SessionChoice::id));
        return out;
    }

    /** The most recently written session's log. */
    public LogTarget newest() {
        return session(SessionId.of(sessions().get(0).id()));
    }

    /** The log of session {@code id} (a file that is gone gives a target that waits for it). */
    public LogTarget session(SessionId id) {
        Transcript t = transcripts().get(id.value());
        Path file = t != null ? t.file : folder.resolve(id.value() + ".jsonl");
        List<Path> companions = t != null ? t.companions : List.of();
        return new LogTarget(file, file.toString(), id.value(), folder, folder, LogTarget.Kind.SESSION, companions);
    }

    /** Every session by id: the newest file of each id. */
    private Map<String, Transcript> transcripts() {
        Map<String, Transcript> found = new LinkedHashMap<>();
        collect(folder, found);
        for (Path sub : list(folder)) {
            if (Files.isDirectory(sub, LinkOption.NOFOLLOW_LINKS) && !isSessionFolder(sub)) {
                collect(sub, found);
            }
        }
        return found;
    }

    private static void collect(Path dir, Map<String, Transcript> into) {
        for (Path p : list(dir)) {
            String name = p.getFileName().toString();
            if (!name.endsWith(".jsonl") || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String id = name.substring(0, name.length() - ".jsonl".length());
            if (!SessionId.isValid(id)) {
                continue;
            }
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                Transcript t = new Transcript(p, companions(dir.resolve(id)), a.lastModifiedTime().toMillis(), a.size());
                into.merge(id, t, (x, y) -> x.modifiedMillis >= y.modifiedMillis ? x : y);
            } catch (IOException gone) {
                // removed while looking: not a session any more
            }
        }
    }

    /** The sub-agents' files of a session ({@code <session>/subagents/*.jsonl}), by name. */
    private static List<Path> companions(Path sessionDir) {
        List<Path> out = new ArrayList<>();
        for (Path p : list(sessionDir.resolve("subagents"))) {
            if (p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                out.add(p);
            }
        }
        out.sort(null);
        return List.copyOf(out);
    }

    /** A folder named as a session whose transcript is beside it: it holds the session's sub-agents, not sessions. */
    private static boolean isSessionFolder(Path dir) {
        return Files.exists(dir.resolveSibling(dir.getFileName() + ".jsonl"));
    }

    private static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
            all.forEach(out::add);
        } catch (IOException unreadable) {
            return out;
        }
        return out;
    }
}
