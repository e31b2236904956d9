package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.config.ConfigKeys;
import dev.sigil.contract.codec.PythonJsonReader;
import tools.jackson.databind.JsonNode;

/** {@code sigil config} in-process, with a temporary home directory. */
class ConfigCommandTest {

    @TempDir
    Path home;

    private Path config(String yaml) throws IOException {
        return Files.writeString(Files.createDirectories(home.resolve(".sigil")).resolve("config.yaml"), yaml);
    }

    private String line(String out, String key) {
        return out.lines().filter(l -> l.startsWith(key + " ")).findFirst().orElseThrow();
    }

    @Test
    void showsEveryKeyWithItsValueAndSource() throws IOException {
        Path file = config("logging:\n  level: debug\ntoken_budget:\n  default_total: 100000\n");
        CliRun r = CliRun.run(Map.of("HOME", home.toString(), "SIGIL_FLUSH_INTERVAL", "250"),
                "config", "--set", "monitoring.default_mode=stream");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines().findFirst()).contains("# " + file);
        assertThat(r.out().lines().count()).isEqualTo(1 + ConfigKeys.ALL.size());
        assertThat(line(r.out(), "logging.level")).matches("logging\\.level +debug +file " + java.util.regex.Pattern.quote(file + ":2"));
        assertThat(line(r.out(), "logging.flush_interval_seconds")).matches("\\S+ +0\\.25 +env SIGIL_FLUSH_INTERVAL");
        assertThat(line(r.out(), "monitoring.default_mode")).matches("\\S+ +stream +flag --set");
        assertThat(line(r.out(), "logging.path")).matches("\\S+ +" + java.util.regex.Pattern.quote(home.resolve(".sigil/logs").toString()) + " +default");
        assertThat(line(r.out(), "token_budget.allocations.reasoning"))
                .matches("\\S+ +58593 +default \\(scaled to the total: 150000 of 256000\\)");
    }

    @Test
    void aMissingFileMeansDefaults() {
        CliRun r = CliRun.run(Map.of("HOME", home.toString()), "config");
        assertThat(r.out().lines().findFirst()).contains("# " + home.resolve(".sigil/config.yaml") + " (not found: defaults apply)");
        assertThat(line(r.out(), "token_budget.default_total")).matches("\\S+ +256000 +default");
    }

    @Test
    void warningsAndEveryErrorGoToStderr() throws IOException {
        Path file = config("logging:\n  flush_interval_ms: 100\n  buffer_size_bytes: -1\n");
        CliRun r = CliRun.run(Map.of("HOME", home.toString(), "SIGIL_ENABLE_MONITORING", "maybe"), "config");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).containsExactly(
                "sigil config: warning: " + file + ":2: unknown key logging.flush_interval_ms (ignored);"
                        + " did you mean logging.flush_interval_seconds (in seconds: 100 ms is 0.1)?",
                "sigil config: error: " + file + ":3: logging.buffer_size_bytes: invalid value \"-1\":"
                        + " expected a whole number of bytes from 1 to 67,108,864",
                "sigil config: error: environment variable SIGIL_ENABLE_MONITORING (sets features.monitoring):"
                        + " invalid value \"maybe\": expected true or false",
                "sigil config: invalid configuration (2 errors above)");
    }

    @Test
    void jsonHasTypedValuesAndOrigins() throws IOException {
        Path other = Files.writeString(home.resolve("other.yaml"), "monitoring:\n  refresh_rate_hz: 4\n");
        CliRun r = CliRun.run(Map.of("HOME", home.toString()), "config", "--json", "--config", other.toString());
        JsonNode json = new PythonJsonReader().read(r.out().strip());
        assertThat(json.get("file").stringValue()).isEqualTo(other.toString());
        assertThat(json.get("file_read").booleanValue()).isTrue();
        JsonNode rate = null;
        JsonNode flush = null;
        for (JsonNode s : json.get("settings")) {
            if (s.get("key").stringValue().equals("monitoring.refresh_rate_hz")) {
                rate = s;
            }
            if (s.get("key").stringValue().equals("logging.flush_interval_seconds")) {
                flush = s;
            }
        }
        assertThat(rate.get("value").doubleValue()).isEqualTo(4.0);
        assertThat(rate.get("source").stringValue()).isEqualTo("file");
        assertThat(rate.get("where").stringValue()).isEqualTo(other + ":2");
        assertThat(flush.get("value").doubleValue()).isEqualTo(0.1);
        assertThat(json.get("settings").size()).isEqualTo(ConfigKeys.ALL.size());
    }

    @Test
    void keysListsEveryKeyWithUnitsAndVariables() {
        CliRun r = CliRun.run(Map.of(), "config", "--keys");
        for (var key : ConfigKeys.ALL) {
            assertThat(r.out()).contains(key.name() + " (default " + key.defaultText() + ")");
        }
        assertThat(r.out()).contains("seconds, a number from 0.001 to 60; environment variable SIGIL_FLUSH_INTERVAL,"
                + " in milliseconds, a number from 1 to 60000");
    }

    @Test
    void aSetWithoutEqualsIsAUsageError() {
        assertThat(CliRun.run(Map.of("HOME", home.toString()), "config", "--set", "logging.level"))
                .isEqualTo(new CliRun(2, "", "sigil config: --set logging.level: expected KEY=VALUE, e.g. --set logging.level=debug\n"));
    }
}
