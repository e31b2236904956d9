package dev.sigil.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward: tokens and config never use the commands, the logger, the orchestrator or the monitor,
 * and tokens reads no files (its only java.io is the console handler's writer).
 */
class TokensLayeringTest {

    private static List<Path> sources(String pkg) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/sigil", pkg))) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void tokensAndConfigDependOnNothingAboveThem() throws IOException {
        for (String pkg : List.of("tokens", "config")) {
            for (Path file : sources(pkg)) {
                assertThat(Files.readString(file)).as(file.toString())
                        .doesNotContain("import dev.sigil.cli.", "import dev.sigil.log.", "import dev.sigil.orchestrate.",
                                "import dev.sigil.monitor.", "import dev.sigil.tail.", "import picocli.");
            }
        }
    }

    @Test
    void tokensDoesNoIo() throws IOException {
        for (Path file : sources("tokens")) {
            String text = Files.readString(file);
            assertThat(text).as(file.toString()).doesNotContain("java.nio.file", "System.out", "System.err");
            // the console handler writes to a writer; the compact ranks read their class-path resource (ADR 0265)
            if (!List.of("ConsoleAlertHandler.java", "CompactRanks.java").contains(file.getFileName().toString())) {
                assertThat(text).as(file.toString()).doesNotContain("import java.io.");
            }
        }
    }
}
