package dev.sigil.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.sigil.contract.event.Level;
import dev.sigil.contract.model.Component;
import dev.sigil.layout.LogDefaults;
import dev.sigil.layout.SigilHome;

/**
 * Every setting sigil knows, with the defaults of seed 001 Appendix A, seed 002's environment variables and seed 000's
 * feature flags. docs/configuration.md is the same table for people. The logging defaults come from
 * {@link LogDefaults} and the token total from {@link TokenBudgetConfig#DEFAULT_TOTAL}, written here as the file
 * would write them: each default is held once.
 */
public final class ConfigKeys {

    static final long MAX_TOKENS = 1_000_000_000_000L;
    private static final MonitoringConfig MONITORING = MonitoringConfig.DEFAULTS;
    private static final Duration MIN_FLUSH = Duration.ofMillis(1);
    private static final Duration MAX_FLUSH = Duration.ofSeconds(60);

    public static final ConfigKey<java.nio.file.Path> LOG_PATH = key("logging.path", ValueTypes.directory(), SigilHome.DEFAULT_LOG_ROOT,
            "Directory of the logs (sessions/<id>/execution.jsonl, archive/).");
    public static final ConfigKey<Level> LOG_LEVEL = key("logging.level", levels(), "info",
            "The lowest level of entries sigil monitor shows when --level is not given (the execution log itself is never filtered).",
            "SIGIL_LOG_LEVEL", null);
    public static final ConfigKey<Long> BUFFER_SIZE_BYTES = typed("logging.buffer_size_bytes", ValueTypes.integer(1, 64L << 20, "bytes"), (long) LogDefaults.BUFFER_SIZE_BYTES,
            "The logger writes its buffer once it holds this many bytes (1: every entry at once).");
    public static final ConfigKey<Duration> FLUSH_INTERVAL = typed("logging.flush_interval_seconds",
            ValueTypes.duration("seconds", 1_000_000_000L, MIN_FLUSH, MAX_FLUSH), LogDefaults.FLUSH_INTERVAL,
            "The logger writes its buffer at least this often.",
            "SIGIL_FLUSH_INTERVAL", ValueTypes.duration("milliseconds", 1_000_000L, MIN_FLUSH, MAX_FLUSH));
    public static final ConfigKey<Long> MAX_BATCH_SIZE = typed("logging.max_batch_size", ValueTypes.integer(1, 100_000, "entries"),
            (long) LogDefaults.MAX_BATCH_ENTRIES, "The logger writes its buffer once it holds this many entries.", "SIGIL_BUFFER_SIZE", null);
    public static final ConfigKey<Long> MAX_FILE_SIZE_MB = typed("logging.max_file_size_mb", ValueTypes.integer(1, 1L << 20, "MiB"), (long) LogDefaults.MAX_FILE_SIZE_MIB,
            "A session log is rotated once it reaches this size (MiB, 1,048,576 bytes).");
    public static final ConfigKey<Long> RETENTION_DAYS = typed("logging.retention_days", ValueTypes.integer(1, 36_500, "days"), (long) LogDefaults.RETENTION_DAYS,
            "Sessions older than this are archived.");
    public static final ConfigKey<Long> ARCHIVE_RETENTION_DAYS = typed("logging.archive_retention_days", ValueTypes.integer(1, 36_500, "days"),
            (long) LogDefaults.ARCHIVE_RETENTION_DAYS,
            "Archives older than this are deleted.");
    public static final ConfigKey<Long> ROTATE_IDLE_MINUTES = typed("logging.rotate_idle_minutes", ValueTypes.integer(1, 525_600, "minutes"),
            (long) LogDefaults.ROTATE_IDLE_MINUTES,
            "sigil logs rotate leaves a log alone until no one has written it for this long (a writer without a lock would go on writing the rotated file).");
    public static final ConfigKey<Boolean> SANITIZE_LOGS = typed("logging.sanitize_logs", ValueTypes.bool(), LogDefaults.SANITIZE,
            "Mask secrets (API keys, passwords, e-mail addresses) before they reach the log.");
    public static final ConfigKey<List<String>> ADDITIONAL_PATTERNS = new ConfigKey<>("logging.additional_patterns",
            ValueTypes.patterns(), RawValue.list(List.of()),
            "More regular expressions (Java syntax) whose matches are masked.", null, null);

    public static final ConfigKey<MonitorMode> DEFAULT_MODE = typed("monitoring.default_mode",
            ValueTypes.choice(ValueTypes.lowerNames(MonitorMode.values()), ConfigKeys::mode, m -> m.name().toLowerCase(Locale.ROOT)),
            MONITORING.defaultMode(),
            "sigil monitor's mode when --mode is not given (the dashboard needs a terminal: stream otherwise, and with --no-follow).");
    public static final ConfigKey<Double> REFRESH_RATE_HZ = typed("monitoring.refresh_rate_hz",
            ValueTypes.decimal(0, true, 10, "times per second"), MONITORING.refreshRateHz(),
            "How often the monitor redraws and looks at the log when --refresh-rate is not given (at most 10: a frame every 100 ms).");
    public static final ConfigKey<Boolean> SHOW_COMPONENT_BREAKDOWN = flag("monitoring.show_component_breakdown",
            MONITORING.showComponentBreakdown(), "The dashboard's Components panel (tokens, operations, latency, errors per component).");
    public static final ConfigKey<Boolean> SHOW_BUDGET_BAR = flag("monitoring.show_budget_bar", MONITORING.showBudgetBar(),
            "The dashboard's budget gauge.");
    public static final ConfigKey<Boolean> SHOW_FORECAST = flag("monitoring.show_forecast", MONITORING.showForecast(),
            "The dashboard's forecast of when the budget runs out.");
    public static final ConfigKey<Boolean> SHOW_LATENCY = flag("monitoring.show_latency", MONITORING.showLatency(),
            "The dashboard's latency figures: the average per component and the line of latencies under them.");
    public static final ConfigKey<Boolean> HIGHLIGHT_SLOWEST = flag("monitoring.highlight_slowest", MONITORING.highlightSlowest(),
            "Name the slowest component at the start of the dashboard's latency line.");
    public static final ConfigKey<Long> LATENCY_WARNING_MS = typed("monitoring.latency_warning_ms",
            ValueTypes.integer(1, 86_400_000, "milliseconds"), MONITORING.latencyWarningMs(),
            "A component whose average step takes longer is shown as slow on the dashboard.");

    private static final StreamConfig STREAM = StreamConfig.DEFAULTS;
    public static final ConfigKey<Boolean> STREAM_ENABLED = flag("logging.stream.enabled", STREAM.enabled(),
            "sigil serve serves the monitoring stream (docs/remote.md); false refuses to.");
    public static final ConfigKey<Long> STREAM_PORT = typed("logging.stream.port", ValueTypes.port(0), (long) STREAM.port(),
            "The port sigil serve listens on when --port is not given (0: a free one).", "SIGIL_MONITOR_PORT", null);
    public static final ConfigKey<Long> STREAM_HEARTBEAT_MS = typed("logging.stream.heartbeat_interval_ms",
            ValueTypes.integer(100, 60_000, "milliseconds"), STREAM.heartbeat().toMillis(),
            "How often seed 002's stream (/monitoring/v1/logs/stream) sends its heartbeat until the client's config message asks otherwise.");
    public static final ConfigKey<Boolean> CLI_MONITOR_ENABLED = flag("cli.monitor.enabled", STREAM.monitorByDefault(),
            "sigil orchestrate shows the dashboard without --monitor (on a terminal).");
    public static final ConfigKey<Long> CLI_MONITOR_PORT = typed("cli.monitor.port", ValueTypes.port(1), (long) STREAM.clientPort(),
            "The port of a ws://HOST or wss://HOST address that names none (sigil monitor, sigil tail).");

    public static final ConfigKey<Long> DEFAULT_TOTAL = typed("token_budget.default_total", ValueTypes.integer(1, MAX_TOKENS, "tokens"), TokenBudgetConfig.DEFAULT_TOTAL,
            "A session's token budget (the hard limit).", "SIGIL_TOKEN_BUDGET", null);
    /** One key per component, {@code token_budget.allocations.routing} etc., in the seed's order. */
    public static final Map<Component, ConfigKey<Long>> ALLOCATIONS = allocations();
    public static final ConfigKey<Double> WARNING_THRESHOLD = threshold("token_budget.warning_threshold", "0.5", "elevated");
    public static final ConfigKey<Double> CRITICAL_THRESHOLD = threshold("token_budget.critical_threshold", "0.8", "critical");
    public static final ConfigKey<Double> EXCEEDED_THRESHOLD = threshold("token_budget.exceeded_threshold", "0.95",
            "exceeded (no further step starts)");

    public static final ConfigKey<java.util.Optional<BigDecimal>> BUDGET_USD = key("token_budget.usd", ValueTypes.dollarsOrNone(), "none",
            "A session's budget in US dollars beside its token budget (the same thresholds and hard stop), or none.",
            "SIGIL_BUDGET_USD", null);

    public static final ConfigKey<Boolean> ENABLE_MONITORING = feature("features.monitoring", "SIGIL_ENABLE_MONITORING",
            "Start the monitor when a command asks for it (rollback switch of seed 000 section 8.2).");
    public static final ConfigKey<Boolean> ENABLE_TOKEN_TRACKING = feature("features.token_tracking", "SIGIL_ENABLE_TOKEN_TRACKING",
            "Track tokens against the budget during a pipeline run.");
    public static final ConfigKey<Boolean> ENABLE_BUDGET_ALERTS = feature("features.budget_alerts", "SIGIL_ENABLE_BUDGET_ALERTS",
            "Report budget level changes on stderr and in the execution log.");

    public static final ConfigKey<List<java.nio.file.Path>> FORMAT_PATHS = new ConfigKey<>("formats.paths", ValueTypes.paths(),
            RawValue.list(List.of()),
            "More format definitions (docs/formats.md): files, or directories of *.yaml and *.json files, read after ~/.sigil/formats/.",
            null, null);
    public static final ConfigKey<String> DEFAULT_FORMAT = key("formats.default",
            ValueTypes.choice(List.of("auto", "a format's name"), ConfigKeys::formatName, n -> n), "auto",
            "The format logs are read in when --input-format is not given: auto (each file's own, found from its first lines) or a format's name.");

    /** Every key, in the order of the documentation. */
    public static final List<ConfigKey<?>> ALL = all();

    private ConfigKeys() {
    }

    /** The key called {@code name}, if there is one. */
    public static Optional<ConfigKey<?>> named(String name) {
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** The sections of the file: logging, monitoring, token_budget, features. */
    public static List<String> sections() {
        return ALL.stream().map(ConfigKey::section).distinct().toList();
    }

    private static List<ConfigKey<?>> all() {
        List<ConfigKey<?>> keys = new ArrayList<>(Arrays.asList(LOG_PATH, LOG_LEVEL, BUFFER_SIZE_BYTES, FLUSH_INTERVAL,
                MAX_BATCH_SIZE, MAX_FILE_SIZE_MB, RETENTION_DAYS, ARCHIVE_RETENTION_DAYS, ROTATE_IDLE_MINUTES, SANITIZE_LOGS, ADDITIONAL_PATTERNS,
                DEFAULT_MODE, REFRESH_RATE_HZ, SHOW_COMPONENT_BREAKDOWN, SHOW_BUDGET_BAR, SHOW_FORECAST, SHOW_LATENCY,
                HIGHLIGHT_SLOWEST, LATENCY_WARNING_MS, DEFAULT_TOTAL));
        keys.addAll(ALLOCATIONS.values());
        keys.addAll(List.of(WARNING_THRESHOLD, CRITICAL_THRESHOLD, EXCEEDED_THRESHOLD, BUDGET_USD,
                ENABLE_MONITORING, ENABLE_TOKEN_TRACKING, ENABLE_BUDGET_ALERTS));
        keys.addAll(List.of(FORMAT_PATHS, DEFAULT_FORMAT));
        keys.addAll(List.of(STREAM_ENABLED, STREAM_PORT, STREAM_HEARTBEAT_MS, CLI_MONITOR_ENABLED, CLI_MONITOR_PORT));
        return List.copyOf(keys);
    }

    private static Map<Component, ConfigKey<Long>> allocations() {
        Map<Component, ConfigKey<Long>> m = new LinkedHashMap<>();
        TokenBudgetConfig.DEFAULT_ALLOCATIONS.forEach((component, tokens) -> m.put(component,
                typed("token_budget.allocations." + component.wireName(), ValueTypes.integer(0, MAX_TOKENS, "tokens"),
                        tokens, "Soft limit of " + component.wireName() + " (a warning when passed)."
                                + " Scaled with the total unless set.")));
        return Collections.unmodifiableMap(m);
    }

    private static ConfigKey<Double> threshold(String name, String dflt, String level) {
        return key(name, ValueTypes.decimal(0, true, 1, "a fraction of the total"), dflt,
                "Fraction of the total at which the level becomes " + level + ".");
    }

    private static ConfigKey<Boolean> flag(String name, boolean dflt, String description) {
        return typed(name, ValueTypes.bool(), dflt, description);
    }

    private static ConfigKey<Boolean> feature(String name, String variable, String description) {
        return key(name, ValueTypes.bool(), "true", description, variable, null);
    }

    /** A key whose default is a value held elsewhere, written here as the file would write it. */
    private static <T> ConfigKey<T> typed(String name, ValueType<T> type, T dflt, String description) {
        return key(name, type, type.format(dflt), description);
    }

    private static <T> ConfigKey<T> typed(String name, ValueType<T> type, T dflt, String description, String variable,
                                          ValueType<T> envType) {
        return key(name, type, type.format(dflt), description, variable, envType);
    }

    private static <T> ConfigKey<T> key(String name, ValueType<T> type, String dflt, String description) {
        return new ConfigKey<>(name, type, RawValue.scalar(dflt), description, null, null);
    }

    private static <T> ConfigKey<T> key(String name, ValueType<T> type, String dflt, String description,
                                        String variable, ValueType<T> envType) {
        return new ConfigKey<>(name, type, RawValue.scalar(dflt), description, variable, envType);
    }

    private static ValueType<Level> levels() {
        List<String> names = List.of("debug", "info", "warning", "error", "critical");
        return ValueTypes.choice(names, s -> names.contains(s) || s.equals("warn") ? Level.parse(s) : null, Level::wireName);
    }

    /** auto, or a name as format definitions write theirs (whether it names a format is checked where it is used). */
    private static String formatName(String name) {
        return name.matches("[a-z0-9][a-z0-9_-]{0,39}") ? name : null;
    }

    private static MonitorMode mode(String name) {
        return Arrays.stream(MonitorMode.values()).filter(m -> m.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }
}
