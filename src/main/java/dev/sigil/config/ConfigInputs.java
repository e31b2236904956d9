package dev.sigil.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the configuration is read from, passed in rather than looked up, so that tests never touch the real
 * home directory or environment.
 *
 * @param home the user's home directory: {@code ~} in paths, and {@code ~/.sigil/config.yaml}
 * @param configFile a config file named on the command line ({@code --config}), which must then exist
 * @param environment the process's environment variables
 * @param flags values given on the command line, in the order given (a later one wins)
 */
public record ConfigInputs(Path home, Optional<Path> configFile, Map<String, String> environment, List<Flag> flags) {

    /** The environment variable naming another config file than {@code ~/.sigil/config.yaml}. */
    public static final String CONFIG_VARIABLE = "SIGIL_CONFIG";

    public ConfigInputs {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(configFile, "configFile");
        environment = Map.copyOf(environment);
        flags = List.copyOf(flags);
    }

    /** Inputs with no config file named and no flags. */
    public static ConfigInputs of(Path home, Map<String, String> environment) {
        return new ConfigInputs(home, Optional.empty(), environment, List.of());
    }

    public ConfigInputs withConfigFile(Path file) {
        return new ConfigInputs(home, Optional.of(file), environment, flags);
    }

    public ConfigInputs withFlags(List<Flag> more) {
        return new ConfigInputs(home, configFile, environment, more);
    }

    /**
     * A value given on the command line.
     *
     * @param key the dotted key it sets
     * @param value its text
     * @param flag the option as the user typed it, for messages ({@code --budget}, {@code --set})
     */
    public record Flag(String key, String value, String flag) {

        public Flag {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(flag, "flag");
        }
    }
}
