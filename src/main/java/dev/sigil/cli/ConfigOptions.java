package dev.sigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.sigil.config.ConfigException;
import dev.sigil.config.ConfigInputs;
import dev.sigil.config.ConfigLoader;
import dev.sigil.config.LoadedConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --config FILE} option and the loading of the configuration, for every command that needs it: warnings
 * go to stderr, errors too (all of them), and then the command stops with exit code 2.
 */
final class ConfigOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--config", paramLabel = "FILE", description = "Read the configuration from FILE instead of $SIGIL_CONFIG or ~/.sigil/config.yaml.")
    Path configFile;

    /** The home directory: {@code $HOME}, else the JVM's {@code user.home}. */
    static Path home(Environment env) {
        String home = env.get("HOME");
        return Path.of(home == null || home.isEmpty() ? System.getProperty("user.home") : home);
    }

    /** What the configuration is read from, for this command line. */
    ConfigInputs inputs(Environment env, List<ConfigInputs.Flag> flags) {
        return new ConfigInputs(home(env), Optional.ofNullable(configFile), env.variables(), flags);
    }

    /**
     * Loads the configuration, printing warnings.
     *
     * @throws UserError after printing every error, when the configuration is invalid
     */
    LoadedConfig load(Environment env, List<ConfigInputs.Flag> flags) {
        PrintWriter err = mixee.commandLine().getErr();
        String name = mixee.qualifiedName();
        try {
            LoadedConfig loaded = ConfigLoader.load(inputs(env, flags));
            loaded.warnings().forEach(w -> err.println(name + ": warning: " + w));
            err.flush();
            return loaded;
        } catch (ConfigException e) {
            e.warnings().forEach(w -> err.println(name + ": warning: " + w));
            e.errors().forEach(x -> err.println(name + ": error: " + x));
            err.flush();
            throw UserError.usage("invalid configuration (" + e.errors().size() + (e.errors().size() == 1 ? " error" : " errors") + " above)");
        }
    }
}
