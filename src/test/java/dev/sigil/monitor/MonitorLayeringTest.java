package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The monitor's pure parts stay pure (GUIDE practices 1 and 6): its state and formatters use no terminal library,
 * no picocli, no java.io or java.nio, and no clock (time arrives in actions); only the view touches TamboUI.
 */
class MonitorLayeringTest {

    private static final Path MAIN = Path.of("src/main/java/dev/sigil/monitor");
    private static final Pattern FORBIDDEN_IN_PURE = Pattern.compile(
            "\\b(dev\\.tamboui|picocli|java\\.io|java\\.nio|org\\.jline)\\.|System\\.(currentTimeMillis|nanoTime|out|err)"
                    + "|\\b(Instant|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|Clock)\\.now\\b");

    @Test
    void stateAndFormatUseNeitherTerminalNorFilesNorClock() throws IOException {
        List<String> offences = new ArrayList<>();
        for (String pkg : List.of("state", "format")) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher m = FORBIDDEN_IN_PURE.matcher(lines.get(i));
                        if (m.find() && !lines.get(i).trim().startsWith("*") && !lines.get(i).trim().startsWith("//")) {
                            offences.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void onlyTheViewImportsTamboui() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/sigil"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.startsWith(MAIN.resolve("view"))) {
                    continue;
                }
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("import dev.tamboui")) {
                        offences.add(f + ": " + line);
                    }
                }
            }
        }
        assertThat(offences).isEmpty();
    }
}
