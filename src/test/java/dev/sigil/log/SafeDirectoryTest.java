package dev.sigil.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.reliability.OtherUser;

/**
 * The checked directory handle on real directories (ADR 0080): what it refuses, each refusal with the path, the
 * owner and mode and the fix; the processes of SharedDirectoryIT run the same rules end to end.
 */
class SafeDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void directoriesOthersMayWriteInOrOfAnotherUserAreRefusedWithTheFix() throws Exception {
        Path open = Files.createDirectory(dir.resolve("open dir"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwx---"));
        assertThatThrownBy(() -> SafeDirectory.existingRoot(open)).isInstanceOf(UnsafePathException.class)
                .hasMessageContaining("its group may write in it").hasMessageContaining("mode 0770")
                .hasMessageContaining("Fix: chmod 700 '" + open.toRealPath() + "'");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwx----w-"));
        assertThatThrownBy(() -> SafeDirectory.existingRoot(open)).hasMessageContaining("all other users may write in it");

        Path foreign = Files.createDirectory(dir.resolve("foreign"));
        Files.setPosixFilePermissions(foreign, PosixFilePermissions.fromString("rwxrwxrwx"));
        OtherUser.owns(foreign);
        assertThatThrownBy(() -> SafeDirectory.existingRoot(foreign)).isInstanceOf(UnsafePathException.class)
                .hasMessageContaining("belongs to " + OtherUser.UID).hasMessageContaining("its group and all other users may write in it")
                .hasMessageContaining("chown ").hasMessageContaining("(as its owner or root)");

        assertThatThrownBy(() -> SafeDirectory.existingRoot(dir.resolve("missing"))).hasMessageContaining("does not exist");
        Path file = Files.writeString(dir.resolve("a file"), "x");
        assertThatThrownBy(() -> SafeDirectory.existingRoot(file)).hasMessageContaining("exists and is not a directory");
    }

    @Test
    void filesOfAnotherUserWithTwoNamesOrNotRegularAreRefusedAndWhatIsWrittenIsPrivate() throws Exception {
        try (SafeDirectory root = SafeDirectory.root(dir.resolve("logs")); SafeDirectory sub = root.directory("sessions")) {
            try (var ch = sub.append("mine.jsonl")) {
                ch.write(java.nio.ByteBuffer.wrap("a\n".getBytes(StandardCharsets.UTF_8)));
            }
            assertThat(Files.getPosixFilePermissions(sub.path().resolve("mine.jsonl"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            sub.replace("doc.json", "{}".getBytes(StandardCharsets.UTF_8), true);
            assertThat(Files.readString(sub.path().resolve("doc.json"))).isEqualTo("{}");
            sub.setModified("doc.json", java.nio.file.attribute.FileTime.fromMillis(0));
            assertThat(sub.attributes("doc.json").orElseThrow().lastModifiedTime().toMillis()).isZero();

            Path elsewhere = Files.writeString(dir.resolve("elsewhere"), "keep");
            Files.createLink(sub.path().resolve("linked.jsonl"), elsewhere);
            assertThatThrownBy(() -> sub.append("linked.jsonl")).isInstanceOf(UnsafePathException.class).hasMessageContaining("has 2 names");
            Path theirs = Files.writeString(sub.path().resolve("theirs.jsonl"), "");
            OtherUser.owns(theirs);
            assertThatThrownBy(() -> sub.append("theirs.jsonl")).isInstanceOf(UnsafePathException.class)
                    .hasMessageContaining("belongs to " + OtherUser.UID);
            Files.createDirectory(sub.path().resolve("a dir"));
            assertThatThrownBy(() -> sub.append("a dir")).hasMessageContaining("is a directory");
            Files.createSymbolicLink(sub.path().resolve("link"), elsewhere);
            assertThatThrownBy(() -> sub.read("link")).hasMessageContaining("is a symbolic link (to " + elsewhere + ")");
            assertThatThrownBy(() -> sub.directory("link")).hasMessageContaining("is a symbolic link");
            assertThatThrownBy(() -> sub.append("../escape")).isInstanceOf(IllegalArgumentException.class);
            assertThat(Files.readString(elsewhere)).isEqualTo("keep");
            assertThat(sub.names()).contains("mine.jsonl", "doc.json", "linked.jsonl", "theirs.jsonl", "a dir", "link");
        }
    }

    @Test
    void aReplacementReplacesTheContentAndOneThatFailsLeavesNoTemporaryFile() throws Exception {
        try (SafeDirectory d = SafeDirectory.root(dir.resolve("logs"))) {
            d.replace("tokens.json", "old".getBytes(StandardCharsets.UTF_8), false);
            d.replace("tokens.json", "new".getBytes(StandardCharsets.UTF_8), true);
            assertThat(Files.readString(d.path().resolve("tokens.json"))).isEqualTo("new");
            Path target = Files.createDirectories(d.path().resolve("metrics.json"));
            Files.writeString(target.resolve("inside"), "a directory that cannot be replaced");
            assertThatThrownBy(() -> d.replace("metrics.json", "{}".getBytes(StandardCharsets.UTF_8), false))
                    .isInstanceOf(java.io.IOException.class);
            assertThat(d.names()).containsExactly("metrics.json", "tokens.json");
        }
    }
}
