package dev.sigil.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.sigil.testing.Snapshots;

/**
 * The text modes on the fixture session, to a pipe and to a terminal, as reviewed golden text
 * (src/test/resources/snapshots/monitor/text-*.txt; a carriage return is written {@code \r} there). Their bytes
 * against Python are MonitorCompatTest's job; these show what a person sees.
 */
class MonitorTextSnapshotTest {

    @ParameterizedTest(name = "{0}, terminal: {1}")
    @CsvSource({"stream, false", "stream, true", "minimal, false", "minimal, true"})
    void textModes(String mode, boolean terminal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Environment env = new Environment(Map.of(), new ByteArrayInputStream(new byte[0]), out, terminal, false);
        int code = SigilCommand.commandLine(env, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .execute("monitor", "src/test/resources/monitor/complete-session.jsonl", "--no-follow", "--mode", mode);
        org.assertj.core.api.Assertions.assertThat(code).isZero();
        String text = out.toString(StandardCharsets.UTF_8).replace("\r", "\\r");
        Snapshots.assertMatches("monitor/text-" + mode + (terminal ? "-terminal" : "-pipe"), text);
    }
}
