package dev.sigil.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.sigil.cli.ExitCode;

/** docs/cli.md's exit-code table is ExitCode: every constant with its value, no code the type does not have. */
class CliDocsTest {

    @Test
    void everyExitCodeIsDocumented() throws IOException, IllegalAccessException {
        String doc = Files.readString(Path.of("docs/cli.md"));
        int documented = 0;
        for (Field f : ExitCode.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                assertThat(doc).as("docs/cli.md row for %s", f.getName()).contains("| " + f.getInt(null) + " | `" + f.getName() + "` |");
                documented++;
            }
        }
        assertThat(doc.split("\n")).filteredOn(l -> l.matches("\\| \\d+ \\| `[A-Z_]+` \\|.*")).hasSize(documented);
    }
}
