package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.monitor.state.SessionChoice;
import dev.sigil.layout.SessionId;

/**
 * A folder of Claude Code transcripts is a set of sessions (docs/formats.md): the projects folder or one project's,
 * newest first, each session read with its sub-agents' files; a sigil log directory and an empty folder are not one.
 */
class TranscriptFolderTest {

    private static final String MAIN = "7b2e4f10-9c3d-4a58-b6e1-2f0a9d8c7e65";
    private static final String OTHER = "0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b";

    @TempDir
    Path dir;

    /** A copy of the fixtures' projects folder, the main session written last. */
    static Path projects(Path into) throws IOException {
        Path from = Path.of("contract/formats/fixtures/claude-projects");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path to = into.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path project = into.resolve("-home-dev-uploader");
        Files.setLastModifiedTime(project.resolve(OTHER + ".jsonl"), FileTime.fromMillis(1_772_442_000_000L));
        Files.setLastModifiedTime(project.resolve(MAIN + ".jsonl"), FileTime.fromMillis(1_772_442_600_000L));
        return into;
    }

    @Test
    void theProjectsFolderAndAProjectsFolderAreSessionsNewestFirst() throws IOException {
        Path root = projects(dir.resolve("projects"));
        for (Path folder : List.of(root, root.resolve("-home-dev-uploader"))) {
            TranscriptFolder f = TranscriptFolder.of(folder).orElseThrow();
            assertThat(f.sessions()).extracting(SessionChoice::id).containsExactly(MAIN, OTHER);
            assertThat(f.newest().file()).isEqualTo(root.resolve("-home-dev-uploader/" + MAIN + ".jsonl"));
        }
    }

    @Test
    void aSessionIsReadWithItsSubAgents() throws IOException {
        Path root = projects(dir.resolve("projects"));
        TranscriptFolder f = TranscriptFolder.of(root).orElseThrow();
        assertThat(f.session(SessionId.of(MAIN)).companions())
                .containsExactly(root.resolve("-home-dev-uploader/" + MAIN + "/subagents/agent-c0de4e5.jsonl"));
        assertThat(f.session(SessionId.of(MAIN)).sources()).hasSize(2);
        assertThat(f.session(SessionId.of(OTHER)).companions()).isEmpty();
    }

    @Test
    void aSigilLogDirectoryOrAFolderWithoutTranscriptsIsNotOne() throws IOException {
        Path session = Files.createDirectories(dir.resolve("sessions/s1"));
        Files.writeString(session.resolve("execution.jsonl"), "");
        Files.writeString(session.resolve("other.jsonl"), "");
        assertThat(TranscriptFolder.of(session)).isEmpty();
        assertThat(TranscriptFolder.of(Files.createDirectories(dir.resolve("empty")))).isEmpty();
        assertThat(TranscriptFolder.of(dir.resolve("missing"))).isEmpty();
    }
}
