package dev.sigil.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The README's two commands are the ones CI and a new user run. */
class ReadmeTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    private static List<String> shellBlocks(String markdown) {
        Matcher m = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        List<String> blocks = new java.util.ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1).strip());
        }
        return blocks;
    }

    @Test
    void ciRunsExactlyTheReadmeTestCommand() throws IOException {
        List<String> blocks = shellBlocks(Files.readString(ROOT.resolve("README.md")));
        assertThat(blocks).as("README has a run command and a test command").hasSize(2);
        String testCommand = blocks.get(1);
        List<String> ciLines = Files.readAllLines(ROOT.resolve(".ci/run"));
        String lastCommand = ciLines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).reduce((a, b) -> b).orElseThrow();
        assertThat(lastCommand).isEqualTo(testCommand);
    }

    @Test
    void theRunCommandUsesTheLauncher() throws IOException {
        List<String> blocks = shellBlocks(Files.readString(ROOT.resolve("README.md")));
        assertThat(blocks.get(0)).startsWith("scripts/sigil ");
        assertThat(ROOT.resolve("scripts/sigil")).isExecutable();
    }
}
