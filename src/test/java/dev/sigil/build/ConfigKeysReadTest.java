package dev.sigil.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.sigil.cli.Environment;
import dev.sigil.cli.SigilCommand;
import dev.sigil.config.ConfigKeys;
import dev.sigil.config.FeatureFlags;
import dev.sigil.config.FormatsConfig;
import dev.sigil.config.LoggingConfig;
import dev.sigil.config.MonitoringConfig;
import dev.sigil.config.TokenBudgetConfig;

/**
 * Every key {@code sigil config --keys} lists changes behaviour (issue 12): walking that list, each key must name the
 * accessor of the configuration record that holds it, and that accessor must be called by code outside the
 * configuration package. A key parsed, validated and shown but read by nothing fails here; so does a key missing from
 * the table below (write its reader first). What each key does is tested where it acts (ConfigEveryCommandTest,
 * DashboardDisplayTest, OrchestrateCommandTest, ...).
 */
class ConfigKeysReadTest {

    private static final Path MAIN = Path.of("src/main/java/dev/sigil");

    /** Key (or key prefix, ending in '.') to the record and accessor that carry its value out of the configuration. */
    private static final Map<String, Reader> READERS = readers();

    /** {@code call}: how a reading looks in the code, for accessor names other types have too ({@code level()}). */
    private record Reader(Class<?> record, String accessor, String call) {
        Reader(Class<?> record, String accessor) {
            this(record, accessor, "\\." + accessor + "\\(\\)");
        }
    }

    private static Map<String, Reader> readers() {
        Map<String, Reader> m = new LinkedHashMap<>();
        m.put("logging.path", new Reader(LoggingConfig.class, "path", "logging(\\(\\))?\\.path\\(\\)"));
        m.put("logging.level", new Reader(LoggingConfig.class, "level", "logging(\\(\\))?\\.level\\(\\)"));
        m.put("logging.buffer_size_bytes", new Reader(LoggingConfig.class, "bufferSizeBytes"));
        m.put("logging.flush_interval_seconds", new Reader(LoggingConfig.class, "flushInterval"));
        m.put("logging.max_batch_size", new Reader(LoggingConfig.class, "maxBatchSize"));
        m.put("logging.max_file_size_mb", new Reader(LoggingConfig.class, "maxFileSizeBytes"));
        m.put("logging.retention_days", new Reader(LoggingConfig.class, "retentionDays"));
        m.put("logging.archive_retention_days", new Reader(LoggingConfig.class, "archiveRetentionDays"));
        m.put("logging.rotate_idle_minutes", new Reader(LoggingConfig.class, "rotateIdleMinutes"));
        m.put("logging.sanitize_logs", new Reader(LoggingConfig.class, "sanitizeLogs"));
        m.put("logging.additional_patterns", new Reader(LoggingConfig.class, "additionalPatterns"));
        m.put("monitoring.default_mode", new Reader(MonitoringConfig.class, "defaultMode"));
        m.put("monitoring.refresh_rate_hz", new Reader(MonitoringConfig.class, "refreshRateHz"));
        m.put("monitoring.show_component_breakdown", new Reader(MonitoringConfig.class, "showComponentBreakdown"));
        m.put("monitoring.show_budget_bar", new Reader(MonitoringConfig.class, "showBudgetBar"));
        m.put("monitoring.show_forecast", new Reader(MonitoringConfig.class, "showForecast"));
        m.put("monitoring.show_latency", new Reader(MonitoringConfig.class, "showLatency"));
        m.put("monitoring.highlight_slowest", new Reader(MonitoringConfig.class, "highlightSlowest"));
        m.put("monitoring.latency_warning_ms", new Reader(MonitoringConfig.class, "latencyWarningMs"));
        m.put("token_budget.default_total", new Reader(TokenBudgetConfig.class, "defaultTotal"));
        m.put("token_budget.allocations.", new Reader(TokenBudgetConfig.class, "allocations", "config\\.allocations\\(\\)"));
        m.put("token_budget.warning_threshold", new Reader(TokenBudgetConfig.class, "warningThreshold"));
        m.put("token_budget.critical_threshold", new Reader(TokenBudgetConfig.class, "criticalThreshold"));
        m.put("token_budget.exceeded_threshold", new Reader(TokenBudgetConfig.class, "exceededThreshold"));
        m.put("token_budget.usd", new Reader(TokenBudgetConfig.class, "usd", "config\\.usd\\(\\)"));
        m.put("features.monitoring", new Reader(FeatureFlags.class, "monitoring", "features\\(\\)\\.monitoring\\(\\)"));
        m.put("features.token_tracking", new Reader(FeatureFlags.class, "tokenTracking"));
        m.put("features.budget_alerts", new Reader(FeatureFlags.class, "budgetAlerts"));
        m.put("formats.paths", new Reader(FormatsConfig.class, "paths", "config\\.paths\\(\\)"));
        m.put("formats.default", new Reader(FormatsConfig.class, "defaultFormat"));
        m.put("logging.stream.enabled", new Reader(dev.sigil.config.StreamConfig.class, "enabled", "streamConfig\\.enabled\\(\\)"));
        m.put("logging.stream.port", new Reader(dev.sigil.config.StreamConfig.class, "port", "streamConfig\\.port\\(\\)"));
        m.put("logging.stream.heartbeat_interval_ms", new Reader(dev.sigil.config.StreamConfig.class, "heartbeat", "config\\.heartbeat\\(\\)"));
        m.put("cli.monitor.enabled", new Reader(dev.sigil.config.StreamConfig.class, "monitorByDefault"));
        m.put("cli.monitor.port", new Reader(dev.sigil.config.StreamConfig.class, "clientPort"));
        return m;
    }

    /** The keys as {@code sigil config --keys} prints them: each key's first line is {@code name (default ...)}. */
    private static List<String> listedKeys() {
        StringWriter out = new StringWriter();
        Environment env = new Environment(Map.of(), new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), false, false);
        assertThat(SigilCommand.commandLine(env, new PrintWriter(out), new PrintWriter(new StringWriter())).execute("config", "--keys")).isZero();
        List<String> keys = new ArrayList<>();
        out.toString().lines().filter(l -> !l.startsWith(" ")).forEach(l -> keys.add(l.substring(0, l.indexOf(' '))));
        return keys;
    }

    private static String readersCode() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.startsWith(MAIN.resolve("config"))).toList()) {
                all.append(Files.readString(f)).append('\n');
            }
        }
        return all.toString();
    }

    private static Reader readerOf(String key) {
        return READERS.entrySet().stream().filter(e -> e.getKey().equals(key) || e.getKey().endsWith(".") && key.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    @Test
    void everyListedKeyIsReadOutsideTheConfiguration() throws Exception {
        List<String> keys = listedKeys();
        assertThat(keys).hasSize(ConfigKeys.ALL.size()).contains("logging.path", "monitoring.show_forecast", "token_budget.allocations.routing");
        String code = readersCode();
        List<String> unread = new ArrayList<>();
        for (String key : keys) {
            Reader r = readerOf(key);
            if (r == null) {
                unread.add(key + ": no reader named in this test");
                continue;
            }
            assertThat(r.record().getMethod(r.accessor())).as(key).isNotNull();
            if (!Pattern.compile(r.call()).matcher(code).find()) {
                unread.add(key + ": " + r.record().getSimpleName() + "." + r.accessor() + "() is called nowhere outside dev.sigil.config");
            }
        }
        assertThat(unread).isEmpty();
    }

    @Test
    void theCheckFindsAnAccessorThatNothingCalls() throws IOException, NoSuchMethodException {
        // Guards the guard: LoggingConfig.maxFileSizeMib() is read only inside the configuration (the logger takes
        // bytes), so the search must not find it.
        assertThat(LoggingConfig.class.getMethod("maxFileSizeMib")).isNotNull();
        assertThat(Pattern.compile("\\.maxFileSizeMib\\(\\)").matcher(readersCode()).find()).isFalse();
    }
}
