package dev.sigil.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.config.ConfigInputs;
import dev.sigil.config.ConfigKeys;
import dev.sigil.config.LoadedConfig;
import dev.sigil.layout.LogLayout;
import picocli.CommandLine.Option;

/**
 * {@code --config} and {@code -l/--log-path}, for every command that touches logs: the configuration is loaded once,
 * with {@code --log-path} as the command-line value of {@code logging.path}, so the log root comes from one place
 * (flag, then {@code SIGIL_*} variables, then the file, then {@code ~/.sigil/logs}) whatever the command (ADR 0051).
 */
class LogOptions extends ConfigOptions {

    @Option(names = {"-l", "--log-path"}, paramLabel = "DIR",
            description = "The log directory (default: logging.path of the configuration, ~/.sigil/logs).")
    String logPath;

    /**
     * The configuration and the log root a command runs with.
     *
     * @param loaded the configuration, with where each value came from
     * @param layout the log root and what is under it
     * @param rootText the log root as the user wrote it (the flag as typed), for output that prints it as Python would
     */
    record Logs(LoadedConfig loaded, LogLayout layout, String rootText) {
    }

    /** Loads the configuration (printing its warnings, stopping at its errors) with {@code more} flags. */
    Logs logs(Environment env, List<ConfigInputs.Flag> more) {
        List<ConfigInputs.Flag> flags = new ArrayList<>(more);
        if (logPath != null) {
            flags.add(new ConfigInputs.Flag(ConfigKeys.LOG_PATH.name(), absolute(logPath), "--log-path"));
        }
        LoadedConfig loaded = load(env, flags);
        Path root = loaded.config().logging().path();
        return new Logs(loaded, new LogLayout(root), logPath != null ? logPath : root.toString());
    }

    Logs logs(Environment env) {
        return logs(env, List.of());
    }

    /** A directory typed on the command line is relative to the working directory (in the file, a relative one is refused). */
    private static String absolute(String text) {
        if (text.isEmpty()) {
            throw UserError.usage("--log-path must name a directory");
        }
        if (text.equals("~") || text.startsWith("~/")) {
            return text;
        }
        try {
            return Path.of(text).toAbsolutePath().toString();
        } catch (java.nio.file.InvalidPathException e) {
            throw UserError.usage("--log-path " + text + ": not a path (" + e.getReason() + ")");
        }
    }
}
