package dev.sigil.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SafeFiles#writeAtomically}: the old or the new content, and nothing left beside the file when it fails. */
class SafeFilesTest {

    @TempDir
    Path dir;

    @Test
    void aReplacementReplacesTheContent() throws IOException {
        Path file = dir.resolve("tokens.json");
        SafeFiles.writeAtomically(file, "old".getBytes(StandardCharsets.UTF_8), false);
        SafeFiles.writeAtomically(file, "new".getBytes(StandardCharsets.UTF_8), true);
        assertThat(Files.readString(file)).isEqualTo("new");
        try (var names = Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly("tokens.json");
        }
    }

    @Test
    void aReplacementThatFailsLeavesNoTemporaryFile() throws IOException {
        Path target = Files.createDirectories(dir.resolve("metrics.json"));
        Files.writeString(target.resolve("inside"), "a directory that cannot be replaced");
        assertThatThrownBy(() -> SafeFiles.writeAtomically(target, "{}".getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(IOException.class);
        try (var names = Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly("metrics.json");
        }
    }
}
