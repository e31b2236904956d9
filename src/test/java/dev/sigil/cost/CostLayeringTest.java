package dev.sigil.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The cost package is pure (GUIDE: pure logic apart from I/O): it uses the contract and Jackson, reads no files,
 * keeps no clock, and knows no command, feature or terminal above it; of the bottom of the graph it uses the one
 * grouping of counts ({@code dev.sigil.text.Grouped}, pure: ADR 0271).
 */
class CostLayeringTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+([\\w.]+)", Pattern.MULTILINE);

    @Test
    void costImportsOnlyTheContractJacksonAndTheJdkWithoutIo() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/sigil/cost"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    String name = m.group(1);
                    assertThat(List.of("dev.sigil.contract.", "tools.jackson.", "java.math.", "java.time.", "java.util.", "dev.sigil.text.Grouped"))
                            .as("%s imports %s", file.getFileName(), name).anyMatch(name::startsWith);
                }
                assertThat(text).as(file.toString()).doesNotContain("Instant.now()", "System.currentTimeMillis", "System.out", "System.err");
            }
        }
    }
}
