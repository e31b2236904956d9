package dev.sigil.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.sigil.config.ConfigInputs;
import dev.sigil.config.ConfigJson;
import dev.sigil.config.ConfigKey;
import dev.sigil.config.ConfigKeys;
import dev.sigil.config.LoadedConfig;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sigil config}: the effective configuration and where each value comes from. */
@Command(name = "config",
        description = {
            "Show the effective configuration and where each value comes from.",
            "",
            "Prints every key, its value and its source: default, file (with line),",
            "env (the variable) or flag. Flags win over environment variables, which",
            "win over ~/.sigil/config.yaml, which wins over the defaults. Unknown keys",
            "in the file are warnings; invalid values are errors, all reported at once.",
            "Keys, units and variables: --keys, or docs/configuration.md."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the configuration is valid", "2:it is not (every error is printed on stderr), or bad arguments"})
final class ConfigCommand implements Callable<Integer> {

    @ParentCommand
    SigilCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set a key as a command-line flag would, e.g. --set token_budget.default_total=128000. Repeatable; a later one wins.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object: file, file_read, settings (key, value, source, where, note), warnings.")
    boolean json;

    @Option(names = "--keys", description = "List every key with its default, what it accepts, its environment variable and what it does.")
    boolean keys;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (keys) {
            ConfigKeys.ALL.forEach(key -> describe(out, key));
            out.flush();
            return ExitCode.OK;
        }
        List<ConfigInputs.Flag> flags = new ArrayList<>();
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw UserError.usage("--set " + set + ": expected KEY=VALUE, e.g. --set logging.level=debug");
            }
            flags.add(new ConfigInputs.Flag(set.substring(0, eq).strip(), set.substring(eq + 1), "--set"));
        }
        LoadedConfig loaded = config.load(root.environment(), flags);
        if (json) {
            out.println(new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT).encodeToString(ConfigJson.of(loaded)));
        } else {
            table(out, loaded);
        }
        out.flush();
        return ExitCode.OK;
    }

    private static void table(PrintWriter out, LoadedConfig loaded) {
        // Values come from a file and the environment: shown through the terminal policy, never sent raw.
        out.println(TerminalText.visible("# " + loaded.file() + (loaded.fileRead() ? "" : " (not found: defaults apply)")));
        int keyWidth = loaded.settings().keySet().stream().mapToInt(String::length).max().orElse(0);
        int valueWidth = Math.min(40, loaded.settings().values().stream().mapToInt(s -> TerminalText.visible(s.text()).length()).max().orElse(0));
        for (LoadedConfig.Setting s : loaded.settings().values()) {
            String origin = s.origin().toString() + (s.note().isEmpty() ? "" : " (" + s.note() + ")");
            out.println(pad(s.key().name(), keyWidth) + "  " + pad(TerminalText.visible(s.text()), valueWidth) + "  " + TerminalText.visible(origin));
        }
    }

    private static void describe(PrintWriter out, ConfigKey<?> key) {
        out.println(key.name() + " (default " + key.defaultText() + ")");
        out.println("    " + key.description());
        String env = key.envVariable().map(v -> "; environment variable " + v
                + (key.envExpected().equals(key.expected()) ? "" : ", in " + key.envExpected())).orElse("");
        out.println("    " + key.expected() + env);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
