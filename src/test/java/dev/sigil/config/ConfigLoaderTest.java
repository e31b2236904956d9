package dev.sigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.event.Level;
import dev.sigil.contract.model.Component;

class ConfigLoaderTest {

    @TempDir
    Path home;

    private Path write(String yaml) throws IOException {
        Path dir = Files.createDirectories(home.resolve(".sigil"));
        return Files.writeString(dir.resolve("config.yaml"), yaml);
    }

    private LoadedConfig load(Map<String, String> env, ConfigInputs.Flag... flags) {
        return ConfigLoader.load(new ConfigInputs(home, Optional.empty(), env, List.of(flags)));
    }

    private List<String> errors(Map<String, String> env, ConfigInputs.Flag... flags) {
        try {
            load(env, flags);
        } catch (ConfigException e) {
            return e.errors();
        }
        throw new AssertionError("expected a ConfigException");
    }

    @Test
    void withoutAnySourceTheSeedDefaultsApply() {
        LoadedConfig loaded = load(Map.of());
        SigilConfig c = loaded.config();
        assertThat(loaded.fileRead()).isFalse();
        assertThat(loaded.file()).isEqualTo(home.resolve(".sigil/config.yaml"));
        assertThat(c.logging().path()).isEqualTo(home.resolve(".sigil/logs"));
        assertThat(c.logging().level()).isEqualTo(Level.INFO);
        assertThat(c.logging().bufferSizeBytes()).isEqualTo(4096);
        assertThat(c.logging().flushInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(c.logging().maxBatchSize()).isEqualTo(100);
        assertThat(c.logging().maxFileSizeBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(c.logging().retentionDays()).isEqualTo(7);
        assertThat(c.logging().archiveRetentionDays()).isEqualTo(30);
        assertThat(c.logging().sanitizeLogs()).isTrue();
        assertThat(c.logging().additionalPatterns()).isEmpty();
        assertThat(c.monitoring()).isEqualTo(new MonitoringConfig(MonitorMode.DASHBOARD, 10.0, true, true, true, true, true, 5000));
        assertThat(c.tokenBudget().defaultTotal()).isEqualTo(256_000);
        assertThat(c.tokenBudget().allocations()).containsExactly(
                Map.entry(Component.ROUTING, 10_000L), Map.entry(Component.MEMORY, 30_000L),
                Map.entry(Component.PLANNING, 20_000L), Map.entry(Component.REASONING, 150_000L),
                Map.entry(Component.CONTRACTS, 10_000L), Map.entry(Component.VALIDATION, 10_000L));
        assertThat(c.tokenBudget().reserve()).isEqualTo(26_000);
        assertThat(c.tokenBudget().warningThreshold()).isEqualTo(0.5);
        assertThat(c.tokenBudget().criticalThreshold()).isEqualTo(0.8);
        assertThat(c.tokenBudget().exceededThreshold()).isEqualTo(0.95);
        assertThat(c.features()).isEqualTo(new FeatureFlags(true, true, true));
        assertThat(loaded.settings().values()).allSatisfy(s -> assertThat(s.origin()).isEqualTo(Origin.defaults()));
        assertThat(loaded.settings()).hasSize(ConfigKeys.ALL.size());
    }

    @Test
    void theFileOfAppendixAIsReadWithTheLineOfEachKey() throws IOException {
        Path file = write("""
                logging:
                  path: ~/logs
                  buffer_size_bytes: 8192
                  flush_interval_seconds: 0.25
                  max_batch_size: 50
                  sanitize_logs: no
                  additional_patterns: ['sk-[a-z]+', "token=\\\\S+"]
                monitoring:
                  default_mode: minimal
                  refresh_rate_hz: 2.5
                token_budget:
                  default_total: 512_000
                  allocations:
                    reasoning: 300000
                  exceeded_threshold: 0.9
                """);
        LoadedConfig loaded = load(Map.of());
        SigilConfig c = loaded.config();
        assertThat(loaded.fileRead()).isTrue();
        assertThat(loaded.warnings()).isEmpty();
        assertThat(c.logging().path()).isEqualTo(home.resolve("logs"));
        assertThat(c.logging().bufferSizeBytes()).isEqualTo(8192);
        assertThat(c.logging().flushInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.logging().maxBatchSize()).isEqualTo(50);
        assertThat(c.logging().sanitizeLogs()).isFalse();
        assertThat(c.logging().additionalPatterns()).containsExactly("sk-[a-z]+", "token=\\S+");
        assertThat(c.monitoring().defaultMode()).isEqualTo(MonitorMode.MINIMAL);
        assertThat(c.monitoring().refreshRateHz()).isEqualTo(2.5);
        assertThat(c.tokenBudget().defaultTotal()).isEqualTo(512_000);
        assertThat(c.tokenBudget().allocations().get(Component.REASONING)).isEqualTo(300_000);
        assertThat(c.tokenBudget().exceededThreshold()).isEqualTo(0.9);
        assertThat(loaded.settings().get("logging.flush_interval_seconds").origin())
                .isEqualTo(new Origin(ConfigSource.FILE, file + ":4"));
        assertThat(loaded.settings().get("token_budget.allocations.reasoning").origin())
                .isEqualTo(new Origin(ConfigSource.FILE, file + ":14"));
        assertThat(loaded.settings().get("logging.retention_days").origin()).isEqualTo(Origin.defaults());
    }

    @Test
    void flagsBeatEnvironmentBeatFileBeatDefaults() throws IOException {
        Path file = write("token_budget:\n  default_total: 100000\n");
        ConfigInputs.Flag flag = new ConfigInputs.Flag("token_budget.default_total", "300000", "--budget");
        Map<String, String> env = Map.of("SIGIL_TOKEN_BUDGET", "200000");

        assertThat(load(env, flag).config().tokenBudget().defaultTotal()).isEqualTo(300_000);
        assertThat(load(env, flag).settings().get("token_budget.default_total").origin().toString()).isEqualTo("flag --budget");
        assertThat(load(env).config().tokenBudget().defaultTotal()).isEqualTo(200_000);
        assertThat(load(env).settings().get("token_budget.default_total").origin().toString()).isEqualTo("env SIGIL_TOKEN_BUDGET");
        assertThat(load(Map.of()).config().tokenBudget().defaultTotal()).isEqualTo(100_000);
        assertThat(load(Map.of()).settings().get("token_budget.default_total").origin().toString()).isEqualTo("file " + file + ":2");
    }

    @Test
    void environmentVariablesKeepSeed002Units() {
        SigilConfig c = load(Map.of("SIGIL_FLUSH_INTERVAL", "250", "SIGIL_BUFFER_SIZE", "10", "SIGIL_LOG_LEVEL", "WARN",
                "SIGIL_ENABLE_BUDGET_ALERTS", "false", "SIGIL_ENABLE_MONITORING", "0")).config();
        assertThat(c.logging().flushInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.logging().maxBatchSize()).isEqualTo(10);
        assertThat(c.logging().bufferSizeBytes()).isEqualTo(4096);
        assertThat(c.logging().level()).isEqualTo(Level.WARNING);
        assertThat(c.features()).isEqualTo(new FeatureFlags(false, true, false));
    }

    @Test
    void anEmptyEnvironmentVariableIsUnset() {
        assertThat(load(Map.of("SIGIL_TOKEN_BUDGET", "")).config().tokenBudget().defaultTotal()).isEqualTo(256_000);
    }

    @Test
    void anInvalidValueNamesWhereKeyValueAndWhatIsAllowedWithTheUnit() throws IOException {
        Path file = write("logging:\n  buffer_size_bytes: lots\n  flush_interval_seconds: 100\n");
        assertThat(errors(Map.of("SIGIL_FLUSH_INTERVAL", "0.1s"),
                new ConfigInputs.Flag("token_budget.default_total", "0", "--budget"))).containsExactly(
                file + ":2: logging.buffer_size_bytes: invalid value \"lots\": expected a whole number of bytes from 1 to 67,108,864",
                file + ":3: logging.flush_interval_seconds: invalid value \"100\": expected seconds, a number from 0.001 to 60",
                "environment variable SIGIL_FLUSH_INTERVAL (sets logging.flush_interval_seconds): invalid value \"0.1s\":"
                        + " expected milliseconds, a number from 1 to 60000",
                "--budget: invalid value \"0\": expected a whole number of tokens from 1 to 1,000,000,000,000");
    }

    @Test
    void valuesOfTheWrongShapeAreErrors() throws IOException {
        Path file = write("logging:\n  path:\n  additional_patterns: '('\nmonitoring:\n  default_mode: [dashboard]\n  refresh_rate_hz: 11\n");
        assertThat(errors(Map.of())).containsExactly(
                file + ":2: logging.path: invalid value: expected an absolute directory path, or one starting with ~/ (your home directory), found no value",
                file + ":3: logging.additional_patterns: invalid value \"(\": expected a list of regular expressions, found a value",
                file + ":5: monitoring.default_mode: invalid value: expected one of dashboard, stream, minimal, found a list",
                file + ":6: monitoring.refresh_rate_hz: invalid value \"11\": expected times per second, a number above 0 up to 10");
    }

    @Test
    void anInvalidPatternIsNamed() throws IOException {
        Path file = write("logging:\n  additional_patterns:\n    - ok\n    - '(open'\n");
        assertThat(errors(Map.of())).singleElement().asString()
                .startsWith(file + ":2: logging.additional_patterns: invalid value: item 1 \"(open\" is not a valid regular expression: Unclosed group");
    }

    @Test
    void unknownKeysAreWarningsWithFileLineAndAHint() throws IOException {
        Path file = write("logging:\n  flush_interval_ms: 100\n  levle: debug\ncli:\n  default_budget: 5\ntoken_budget:\n  allocations:\n    tools: 5\n");
        LoadedConfig loaded = load(Map.of());
        assertThat(loaded.warnings()).containsExactly(
                file + ":2: unknown key logging.flush_interval_ms (ignored); did you mean logging.flush_interval_seconds (in seconds: 100 ms is 0.1)?",
                file + ":3: unknown key logging.levle (ignored); did you mean logging.level?",
                file + ":5: unknown key cli.default_budget (ignored); did you mean token_budget.default_total?",
                file + ":8: unknown key token_budget.allocations.tools (ignored)");
        assertThat(loaded.config()).isEqualTo(ConfigLoader.defaults(home));
    }

    @Test
    void aKeyGivenTwiceIsAnError() throws IOException {
        Path file = write("token_budget:\n  default_total: 1000\n  default_total: 2000\n");
        assertThat(errors(Map.of())).containsExactly(
                file + ":3: token_budget.default_total is given twice (first on line 2); keep one");
    }

    @Test
    void yamlThatDoesNotParseIsAnErrorWithItsLine() throws IOException {
        Path file = write("logging:\n  path: ~/x\n bad: [\n");
        assertThat(errors(Map.of())).singleElement().asString().startsWith(file + ":3:").contains("not valid YAML");
    }

    @Test
    void theFileMustBeOneMapping() throws IOException {
        Path file = write("- logging\n");
        assertThat(errors(Map.of())).containsExactly(
                file + ":1: expected a mapping with the sections logging, monitoring, token_budget, features, formats, cli, found a list");
        write("logging: {}\n---\nlogging: {}\n");
        assertThat(errors(Map.of())).singleElement().asString().contains("a second YAML document");
        write("logging: 5\n");
        assertThat(errors(Map.of())).containsExactly(file + ":1: logging must be a mapping of keys, found a single value");
    }

    @Test
    void anEmptyFileOrSectionMeansDefaults() throws IOException {
        write("");
        assertThat(load(Map.of()).config()).isEqualTo(ConfigLoader.defaults(home));
        write("# nothing yet\nlogging:\n");
        assertThat(load(Map.of()).config()).isEqualTo(ConfigLoader.defaults(home));
    }

    @Test
    void thresholdsMustRise() throws IOException {
        Path file = write("token_budget:\n  warning_threshold: 0.85\n");
        assertThat(errors(Map.of())).containsExactly("token_budget.warning_threshold 0.85 (file " + file
                + ":2) must be below token_budget.critical_threshold 0.8 (default): the thresholds must rise");
    }

    @Test
    void defaultAllocationsFollowTheTotalButSetOnesDoNot() {
        LoadedConfig loaded = load(Map.of("SIGIL_TOKEN_BUDGET", "128000"),
                new ConfigInputs.Flag("token_budget.allocations.memory", "20000", "--set"));
        TokenBudgetConfig b = loaded.config().tokenBudget();
        assertThat(b.allocations().get(Component.REASONING)).isEqualTo(75_000);
        assertThat(b.allocations().get(Component.ROUTING)).isEqualTo(5_000);
        assertThat(b.allocations().get(Component.MEMORY)).isEqualTo(20_000);
        assertThat(b.reserve()).isEqualTo(128_000 - 5_000 - 20_000 - 10_000 - 75_000 - 5_000 - 5_000);
        assertThat(loaded.settings().get("token_budget.allocations.reasoning").note()).isEqualTo("scaled to the total: 150000 of 256000");
    }

    @Test
    void allocationsMustFitInTheTotal() {
        // the five allocations left at their defaults are scaled to 1000/256000 of the seed's, rounded down
        long scaled = 1000L * 10_000 / 256_000 * 3 + 1000L * 30_000 / 256_000 + 1000L * 20_000 / 256_000;
        assertThat(errors(Map.of("SIGIL_TOKEN_BUDGET", "1000"),
                new ConfigInputs.Flag("token_budget.allocations.reasoning", "5000", "--set"))).containsExactly(
                "token_budget.allocations add up to " + (5000 + scaled) + " tokens, more than token_budget.default_total 1000"
                        + " (env SIGIL_TOKEN_BUDGET); lower them or raise the total");
    }

    @Test
    void anUnknownFlagKeyIsAnError() {
        assertThat(errors(Map.of(), new ConfigInputs.Flag("logging.levle", "info", "--set"))).containsExactly(
                "--set logging.levle: unknown key; did you mean logging.level? (sigil config --keys lists them)");
    }

    @Test
    void aNamedConfigFileMustExist() {
        Path missing = home.resolve("nope.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(ConfigInputs.of(home, Map.of()).withConfigFile(missing)))
                .isInstanceOf(ConfigException.class).hasMessage("--config " + missing + ": no such file");
        assertThatThrownBy(() -> load(Map.of("SIGIL_CONFIG", missing.toString())))
                .isInstanceOf(ConfigException.class).hasMessage("SIGIL_CONFIG=" + missing + ": no such file");
    }

    @Test
    void sigilConfigNamesAnotherFile() throws IOException {
        Path other = Files.writeString(home.resolve("other.yaml"), "logging:\n  level: debug\n");
        LoadedConfig loaded = load(Map.of("SIGIL_CONFIG", other.toString()));
        assertThat(loaded.file()).isEqualTo(other);
        assertThat(loaded.config().logging().level()).isEqualTo(Level.DEBUG);
    }

    @Test
    void relativeLogPathsAreRefused() {
        assertThat(errors(Map.of(), new ConfigInputs.Flag("logging.path", "logs", "--set"))).containsExactly(
                "--set logging.path: invalid value \"logs\": expected an absolute directory path, or one starting with ~/ (your home directory)");
    }

    @Test
    void integersAcceptPythonUnderscoresButNotFloats() {
        assertThat(load(Map.of("SIGIL_TOKEN_BUDGET", "300_000")).config().tokenBudget().defaultTotal()).isEqualTo(300_000);
        assertThat(errors(Map.of("SIGIL_TOKEN_BUDGET", "1e5"))).hasSize(1);
        assertThat(errors(Map.of("SIGIL_TOKEN_BUDGET", "-5"))).hasSize(1);
        assertThat(errors(Map.of("SIGIL_TOKEN_BUDGET", "99999999999999999999999"))).hasSize(1);
    }

    @Test
    void aFileWithEveryKeyOfAppendixAAtItsDefaultChangesNothing() throws IOException {
        write("""
                logging:
                  path: ~/.sigil/logs
                  buffer_size_bytes: 4096
                  flush_interval_seconds: 0.1
                  max_batch_size: 100
                  max_file_size_mb: 10
                  retention_days: 7
                  archive_retention_days: 30
                  sanitize_logs: true
                  additional_patterns: []
                monitoring:
                  default_mode: dashboard
                  refresh_rate_hz: 10
                  show_component_breakdown: true
                  show_budget_bar: true
                  show_forecast: true
                  show_latency: true
                  highlight_slowest: true
                  latency_warning_ms: 5000
                token_budget:
                  default_total: 256000
                  allocations:
                    routing: 10000
                    memory: 30000
                    planning: 20000
                    reasoning: 150000
                    contracts: 10000
                    validation: 10000
                  warning_threshold: 0.5
                  critical_threshold: 0.8
                  exceeded_threshold: 0.95
                """);
        LoadedConfig loaded = load(Map.of());
        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.config()).isEqualTo(ConfigLoader.defaults(home));
        assertThat(loaded.settings().values()).filteredOn(s -> s.origin().source() == ConfigSource.FILE)
                .hasSize(ConfigKeys.ALL.size() - 13); // the level, the three features, token_budget.usd, logging.rotate_idle_minutes, the formats section and seed 002's five stream keys are not Appendix A's
    }

    @Test
    void yamlScalarsAreJudgedByTheirText() throws IOException {
        Path file = write("logging:\n  sanitize_logs: Off\n  max_batch_size: '250'\n  buffer_size_bytes: 1e3\n"
                + "  flush_interval_seconds: .inf\n");
        assertThat(errors(Map.of())).containsExactly(
                file + ":4: logging.buffer_size_bytes: invalid value \"1e3\": expected a whole number of bytes from 1 to 67,108,864",
                file + ":5: logging.flush_interval_seconds: invalid value \".inf\": expected seconds, a number from 0.001 to 60");
        write("logging:\n  sanitize_logs: Off\n  max_batch_size: '250'\n");
        SigilConfig c = load(Map.of()).config();
        assertThat(c.logging().sanitizeLogs()).isFalse();
        assertThat(c.logging().maxBatchSize()).isEqualTo(250);
    }
}
