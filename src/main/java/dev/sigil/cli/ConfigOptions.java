package dev.sigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.sigil.config.ConfigException;
import dev.sigil.config.ConfigInputs;
import dev.sigil.config.ConfigLoader;
import dev.sigil.config.LoadedConfig;
import dev.sigil.layout.SigilHome;
import dev.sigil.text.TerminalText;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --config FILE} option and the one way a command loads the configuration: warnings go to stderr, errors
 * too (all of them, shown through the terminal policy: they quote values from the file and the environment), and then
 * the command stops with exit code 2. {@link LogOptions} and {@link SessionOptions} add the log options to it.
 */
class ConfigOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--config", paramLabel = "FILE", description = "Read the configuration from FILE instead of $SIGIL_CONFIG or ~/.sigil/config.yaml.")
    Path configFile;

    /**
     * Whether there is a configuration file to read (named by {@code --config}, else {@code $SIGIL_CONFIG}, else
     * {@code ~/.sigil/config.yaml}): a command whose settings only a file can give may start without the
     * configuration when there is none (ADR 0051).
     */
    boolean hasConfigFile(Environment env) {
        return configFile != null || java.nio.file.Files.exists(ConfigLoader.configFile(inputs(env, List.of())));
    }

    /** What the configuration is read from, for this command line. */
    ConfigInputs inputs(Environment env, List<ConfigInputs.Flag> flags) {
        return new ConfigInputs(SigilHome.of(env.variables()).home(), Optional.ofNullable(configFile), env.variables(), flags);
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
            loaded.warnings().forEach(w -> err.println(name + ": warning: " + TerminalText.visible(w)));
            err.flush();
            return loaded;
        } catch (ConfigException e) {
            e.warnings().forEach(w -> err.println(name + ": warning: " + TerminalText.visible(w)));
            e.errors().forEach(x -> err.println(name + ": error: " + TerminalText.visible(x)));
            err.flush();
            throw UserError.usage("invalid configuration (" + e.errors().size() + (e.errors().size() == 1 ? " error" : " errors") + " above)");
        }
    }
}
