package dev.sigil.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward: the logger uses the contract and nothing above it (no commands, no picocli, no
 * orchestrator, monitor, tailer, tokens or config: the command line maps configuration onto LoggerSettings). The
 * sanitizer, the flush policy and the summaries are pure: no files.
 */
class LogLayeringTest {

    private static List<Path> sources(String dir) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/sigil", dir))) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void theLoggerDependsOnNothingAboveIt() throws IOException {
        for (Path file : sources("log")) {
            assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContain("import dev.sigil.cli.", "import picocli.", "import dev.sigil.orchestrate.", "import dev.sigil.monitor.",
                            "import dev.sigil.tail.", "import dev.sigil.tokens.", "import dev.sigil.config.", "System.out");
        }
    }

    @Test
    void sanitizerFlushPolicyAndSummariesArePure() throws IOException {
        List<Path> pure = Stream.concat(Stream.concat(sources("log/sanitize").stream(), sources("log/summary").stream()),
                Stream.of(Path.of("src/main/java/dev/sigil/log/FlushPolicy.java"), Path.of("src/main/java/dev/sigil/log/FaultState.java"))).toList();
        for (Path file : pure) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain("import java.io.", "import java.nio.file.", "System.err");
        }
    }
}
