package dev.sigil.config;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.sigil.contract.model.Component;
import dev.sigil.layout.SigilHome;

/**
 * Builds the configuration from its sources: defaults, then the file, then environment variables, then flags, a later
 * source winning. Every value from every source is checked, and all problems are reported together.
 *
 * <p>One rule joins keys: a component allocation that no source sets follows the total, scaled from the seed's
 * 256,000 (so {@code SIGIL_TOKEN_BUDGET=128000} halves every default allocation and the reserve).
 */
public final class ConfigLoader {

    /** Largest config file read: far more than any real one, small enough that a wrong name costs nothing. */
    public static final int MAX_FILE_BYTES = 1 << 20;

    private final ConfigInputs inputs;
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, Origin> origins = new HashMap<>();
    private final Map<String, String> notes = new HashMap<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private ConfigLoader(ConfigInputs inputs) {
        this.inputs = inputs;
    }

    /**
     * The configuration from {@code inputs}.
     *
     * @throws ConfigException listing every problem, if any value is invalid or the file cannot be read
     */
    public static LoadedConfig load(ConfigInputs inputs) {
        return new ConfigLoader(inputs).run();
    }

    /** The seeds' defaults, with {@code ~} meaning {@code home}. */
    public static SigilConfig defaults(Path home) {
        return load(new ConfigInputs(home, Optional.empty(), Map.of(), List.of())).config();
    }

    /** The file the configuration is read from: {@code --config}, else {@code $SIGIL_CONFIG}, else {@code ~/.sigil/config.yaml}. */
    public static Path configFile(ConfigInputs inputs) {
        if (inputs.configFile().isPresent()) {
            return inputs.configFile().get();
        }
        String named = inputs.environment().get(ConfigInputs.CONFIG_VARIABLE);
        SigilHome home = new SigilHome(inputs.home());
        if (named != null && !named.isEmpty()) {
            return home.expand(named);
        }
        return home.configFile();
    }

    private LoadedConfig run() {
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            accept(key, parseDefault(key), Origin.defaults());
        }
        Path file = configFile(inputs);
        boolean read = readFile(file);
        readEnvironment();
        readFlags();
        scaleAllocations();
        checkThresholds();
        checkAllocations();
        if (!errors.isEmpty()) {
            throw new ConfigException(errors, warnings);
        }
        Map<String, LoadedConfig.Setting> settings = new LinkedHashMap<>();
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            settings.put(key.name(), new LoadedConfig.Setting(key, values.get(key.name()), format(key), origins.get(key.name()),
                    notes.getOrDefault(key.name(), "")));
        }
        return new LoadedConfig(build(), file, read, settings, warnings);
    }

    private boolean readFile(Path file) {
        boolean named = inputs.configFile().isPresent() || !inputs.environment().getOrDefault(ConfigInputs.CONFIG_VARIABLE, "").isEmpty();
        String via = inputs.configFile().isPresent() ? "--config " : named ? ConfigInputs.CONFIG_VARIABLE + "=" : "";
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                errors.add(via + file + ": is a directory, not a config file");
                return false;
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // A device (/dev/zero), a FIFO or a socket: reading it could wait or never end. Looked at, not opened.
                errors.add(via + file + ": is not a regular file (a device, a pipe or a socket), not a config file");
                return false;
            }
            bytes = readAtMost(file);
            if (bytes == null) {
                errors.add(via + file + ": is larger than " + (MAX_FILE_BYTES >> 20) + " MiB (" + MAX_FILE_BYTES
                        + " bytes), too large for a config file");
                return false;
            }
        } catch (NoSuchFileException e) {
            if (named) {
                errors.add(via + file + ": no such file");
            }
            return false;
        } catch (AccessDeniedException e) {
            errors.add(via + file + ": permission denied");
            return false;
        } catch (IOException e) {
            errors.add(via + file + ": cannot read: " + e.getMessage());
            return false;
        }
        YamlConfigFile.Contents contents = YamlConfigFile.read(file, bytes);
        warnings.addAll(contents.warnings());
        errors.addAll(contents.errors());
        for (YamlConfigFile.Entry entry : contents.entries()) {
            ConfigKey<?> key = ConfigKeys.named(entry.key()).orElseThrow();
            String where = file + ":" + entry.line();
            parse(key, key.type(), entry.value(), new Origin(ConfigSource.FILE, where), where + ": " + key.name());
        }
        return true;
    }

    /** The file's bytes, or null if it holds more than {@link #MAX_FILE_BYTES} (also if it grows while read). */
    private static byte[] readAtMost(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            return bytes.length > MAX_FILE_BYTES ? null : bytes;
        }
    }

    private void readEnvironment() {
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            if (key.envVariable().isEmpty()) {
                continue;
            }
            String variable = key.envVariable().get();
            String text = inputs.environment().get(variable);
            if (text != null && !text.isEmpty()) {
                parse(key, key.envType(), RawValue.scalar(text), new Origin(ConfigSource.ENV, variable),
                        "environment variable " + variable + " (sets " + key.name() + ")");
            }
        }
    }

    private void readFlags() {
        for (ConfigInputs.Flag flag : inputs.flags()) {
            Optional<ConfigKey<?>> key = ConfigKeys.named(flag.key());
            if (key.isEmpty()) {
                errors.add(flag.flag() + " " + flag.key() + ": unknown key" + KeyHints.hint(flag.key())
                        + " (sigil config --keys lists them)");
                continue;
            }
            ConfigKey<?> k = key.get();
            RawValue raw = k == ConfigKeys.ADDITIONAL_PATTERNS || k == ConfigKeys.FORMAT_PATHS
                    ? RawValue.other("a single value (set lists in the config file)")
                    : RawValue.scalar(flag.value());
            String where = flag.flag().equals("--set") ? "--set " + k.name() : flag.flag();
            parse(k, k.type(), raw, new Origin(ConfigSource.FLAG, flag.flag()), where);
        }
    }

    private <T> void parse(ConfigKey<?> key, ValueType<T> type, RawValue raw, Origin origin, String where) {
        try {
            accept(key, type.parse(raw, inputs.home()), origin);
        } catch (InvalidValueException e) {
            String value = raw.text() != null ? "invalid value " + raw.display() : "invalid value";
            errors.add(where + ": " + value + ": " + e.getMessage());
        }
    }

    private void accept(ConfigKey<?> key, Object value, Origin origin) {
        values.put(key.name(), value);
        origins.put(key.name(), origin);
    }

    private Object parseDefault(ConfigKey<?> key) {
        try {
            return key.type().parse(key.defaultValue(), inputs.home());
        } catch (InvalidValueException e) {
            throw new IllegalStateException("default of " + key.name() + " is invalid: " + e.getMessage(), e);
        }
    }

    private void scaleAllocations() {
        long total = get(ConfigKeys.DEFAULT_TOTAL);
        if (total == TokenBudgetConfig.DEFAULT_TOTAL) {
            return;
        }
        ConfigKeys.ALLOCATIONS.forEach((component, key) -> {
            if (origins.get(key.name()).source() == ConfigSource.DEFAULT) {
                long dflt = TokenBudgetConfig.DEFAULT_ALLOCATIONS.get(component);
                long scaled = BigInteger.valueOf(total).multiply(BigInteger.valueOf(dflt))
                        .divide(BigInteger.valueOf(TokenBudgetConfig.DEFAULT_TOTAL)).longValueExact();
                values.put(key.name(), scaled);
                notes.put(key.name(), "scaled to the total: " + dflt + " of " + TokenBudgetConfig.DEFAULT_TOTAL);
            }
        });
    }

    private void checkThresholds() {
        List<ConfigKey<Double>> keys = List.of(ConfigKeys.WARNING_THRESHOLD, ConfigKeys.CRITICAL_THRESHOLD, ConfigKeys.EXCEEDED_THRESHOLD);
        for (int i = 0; i + 1 < keys.size(); i++) {
            ConfigKey<Double> lower = keys.get(i);
            ConfigKey<Double> upper = keys.get(i + 1);
            if (values.get(lower.name()) instanceof Double a && values.get(upper.name()) instanceof Double b && !(a < b)) {
                errors.add(lower.name() + " " + format(lower) + " (" + origins.get(lower.name()) + ") must be below "
                        + upper.name() + " " + format(upper) + " (" + origins.get(upper.name()) + "): the thresholds must rise");
            }
        }
    }

    private void checkAllocations() {
        long total = get(ConfigKeys.DEFAULT_TOTAL);
        long sum = ConfigKeys.ALLOCATIONS.values().stream().mapToLong(this::get).sum();
        if (sum > total) {
            errors.add("token_budget.allocations add up to " + sum + " tokens, more than token_budget.default_total "
                    + total + " (" + origins.get(ConfigKeys.DEFAULT_TOTAL.name()) + "); lower them or raise the total");
        }
    }

    private SigilConfig build() {
        LoggingConfig logging = new LoggingConfig(get(ConfigKeys.LOG_PATH), get(ConfigKeys.LOG_LEVEL),
                get(ConfigKeys.BUFFER_SIZE_BYTES), get(ConfigKeys.FLUSH_INTERVAL), get(ConfigKeys.MAX_BATCH_SIZE),
                get(ConfigKeys.MAX_FILE_SIZE_MB), get(ConfigKeys.RETENTION_DAYS), get(ConfigKeys.ARCHIVE_RETENTION_DAYS),
                get(ConfigKeys.ROTATE_IDLE_MINUTES), get(ConfigKeys.SANITIZE_LOGS), get(ConfigKeys.ADDITIONAL_PATTERNS));
        MonitoringConfig monitoring = new MonitoringConfig(get(ConfigKeys.DEFAULT_MODE), get(ConfigKeys.REFRESH_RATE_HZ),
                get(ConfigKeys.SHOW_COMPONENT_BREAKDOWN), get(ConfigKeys.SHOW_BUDGET_BAR), get(ConfigKeys.SHOW_FORECAST),
                get(ConfigKeys.SHOW_LATENCY), get(ConfigKeys.HIGHLIGHT_SLOWEST), get(ConfigKeys.LATENCY_WARNING_MS));
        Map<Component, Long> allocations = new EnumMap<>(Component.class);
        ConfigKeys.ALLOCATIONS.forEach((component, key) -> allocations.put(component, get(key)));
        TokenBudgetConfig budget = new TokenBudgetConfig(get(ConfigKeys.DEFAULT_TOTAL), allocations,
                get(ConfigKeys.WARNING_THRESHOLD), get(ConfigKeys.CRITICAL_THRESHOLD), get(ConfigKeys.EXCEEDED_THRESHOLD),
                get(ConfigKeys.BUDGET_USD));
        FeatureFlags features = new FeatureFlags(get(ConfigKeys.ENABLE_MONITORING), get(ConfigKeys.ENABLE_TOKEN_TRACKING),
                get(ConfigKeys.ENABLE_BUDGET_ALERTS));
        return new SigilConfig(logging, monitoring, budget, features,
                new FormatsConfig(get(ConfigKeys.FORMAT_PATHS), get(ConfigKeys.DEFAULT_FORMAT)),
                new StreamConfig(get(ConfigKeys.STREAM_ENABLED), get(ConfigKeys.STREAM_PORT).intValue(),
                        java.time.Duration.ofMillis(get(ConfigKeys.STREAM_HEARTBEAT_MS)), get(ConfigKeys.CLI_MONITOR_ENABLED),
                        get(ConfigKeys.CLI_MONITOR_PORT).intValue()));
    }

    @SuppressWarnings("unchecked")
    private <T> T get(ConfigKey<T> key) {
        return (T) values.get(key.name());
    }

    private <T> String format(ConfigKey<T> key) {
        return key.type().format(get(key));
    }
}
