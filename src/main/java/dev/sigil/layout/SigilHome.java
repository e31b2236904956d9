package dev.sigil.layout;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The user's home directory and sigil's place in it: {@code ~/.sigil/config.yaml}, the default log root
 * {@code ~/.sigil/logs} (seed 001 Appendix A), the price overrides and the format definitions. The home is the environment's {@code HOME}, else the JVM's
 * {@code user.home}; nothing else in sigil works it out.
 *
 * @param home the home directory ({@code ~})
 */
public record SigilHome(Path home) {

    /** The default log root as the configuration writes it. */
    public static final String DEFAULT_LOG_ROOT = "~/.sigil/logs";

    /** The default config file as messages and help write it. */
    public static final String DEFAULT_CONFIG_FILE = "~/.sigil/config.yaml";

    public SigilHome {
        Objects.requireNonNull(home, "home");
    }

    /** The home of a process with these environment variables: {@code HOME} if set and not empty, else {@code user.home}. */
    public static SigilHome of(Map<String, String> environment) {
        String home = environment.get("HOME");
        return new SigilHome(Path.of(home == null || home.isEmpty() ? System.getProperty("user.home") : home));
    }

    /** {@code ~/.sigil}. */
    public Path directory() {
        return home.resolve(".sigil");
    }

    /** {@code ~/.sigil/config.yaml}. */
    public Path configFile() {
        return directory().resolve("config.yaml");
    }

    /** {@code ~/.sigil/prices.yaml}: the user's price overrides (docs/cost.md). */
    public Path pricesFile() {
        return directory().resolve("prices.yaml");
    }

    /** {@code ~/.sigil/formats}: the user's format definitions (docs/formats.md), read by every command that reads logs. */
    public Path formatsDirectory() {
        return directory().resolve("formats");
    }

    /** {@code ~/.sigil/alerts.yaml}: the alert rules used when no {@code --rules} is given (docs/alerts.md). */
    public Path alertsFile() {
        return directory().resolve("alerts.yaml");
    }

    /** {@code ~/.sigil/logs}: where the logs live unless {@code logging.path} says otherwise. */
    public Path defaultLogRoot() {
        return expand(DEFAULT_LOG_ROOT);
    }

    /** {@code text} with a leading {@code ~} or {@code ~/} meaning the home directory; other text as a path. */
    public Path expand(String text) {
        if (text.equals("~")) {
            return home;
        }
        if (text.startsWith("~/")) {
            return home.resolve(text.substring(2)).normalize();
        }
        return Path.of(text);
    }
}
