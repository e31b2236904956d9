package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The launcher's shortcut for {@code sigil --version} prints what picocli prints for it. */
class MainVersionTest {

    @Test
    void theShortcutPrintsPicoclisBytes() {
        for (String option : new String[] {"--version", "-V"}) {
            assertThat(Main.isVersionOnly(new String[] {option})).isTrue();
            ByteArrayOutputStream shortcut = new ByteArrayOutputStream();
            int code = Main.printVersion(new Environment(Map.of(), new ByteArrayInputStream(new byte[0]), shortcut, false, false));
            CliRun picocli = CliRun.run(Map.of(), option);
            assertThat(code).isEqualTo(picocli.exitCode()).isZero();
            assertThat(shortcut.toString(StandardCharsets.UTF_8)).isEqualTo(picocli.out()).isNotBlank();
        }
    }

    @Test
    void onlyTheVersionAloneTakesTheShortcut() {
        assertThat(Main.isVersionOnly(new String[] {"--version", "x"})).isFalse();
        assertThat(Main.isVersionOnly(new String[] {"validate", "--version"})).isFalse();
        assertThat(Main.isVersionOnly(new String[0])).isFalse();
    }
}
