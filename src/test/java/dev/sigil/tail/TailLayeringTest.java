package dev.sigil.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward: the tailer uses the contract and the layout and nothing above it (printing what it
 * reports is {@code dev.sigil.print}'s job), and the line formatters are pure (no files, no streams).
 */
class TailLayeringTest {

    private static List<Path> sources(String pkg) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/sigil", pkg))) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void theTailerDependsOnNothingAboveIt() throws IOException {
        for (Path file : sources("tail")) {
            assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContain("import dev.sigil.cli.", "import dev.sigil.log.", "import dev.sigil.orchestrate.",
                            "import dev.sigil.monitor.", "import dev.sigil.print.", "import dev.sigil.config.", "import picocli.",
                            "import dev.tamboui.", "System.out", "System.err");
        }
        for (Path file : sources("print")) {
            assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContain("import dev.sigil.cli.", "import dev.sigil.log.", "import dev.sigil.orchestrate.",
                            "import dev.sigil.monitor.", "import picocli.", "import dev.tamboui.", "System.out", "System.err");
        }
    }

    @Test
    void theFormattersArePure() throws IOException {
        for (Path file : sources("print").stream().filter(f -> !f.getFileName().toString().equals("TailPrinter.java")
                && !f.getFileName().toString().equals("RawPrinter.java")).toList()) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain("import java.io.", "import java.nio.");
        }
    }
}
