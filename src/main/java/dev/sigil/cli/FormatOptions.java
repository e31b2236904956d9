package dev.sigil.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.sigil.config.FormatsConfig;
import dev.sigil.contract.format.DefinitionReader;
import dev.sigil.contract.format.FormatDefinition;
import dev.sigil.contract.format.FormatFiles;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.layout.SigilHome;
import dev.sigil.text.TerminalText;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --input-format NAME|FILE} and the one way a command gets the formats it reads logs in (docs/formats.md): the
 * built-in ones, the user's from {@code ~/.sigil/formats/} and {@code formats.paths}, and the one forced by the
 * option or by {@code formats.default}. A definition with a problem stops the command, every problem on stderr
 * (exit 2), as an invalid configuration does.
 */
class FormatOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--input-format", paramLabel = "NAME|FILE",
            description = "Read the logs in this format: a name (sigil formats lists them), a definition file, or auto: each file's own format, found from its first lines (default: formats.default, auto).")
    String inputFormat;

    /**
     * The formats section when there is no configuration file (only a file sets it): the defaults, without loading
     * the configuration (FormatsCommandTest checks that it is the loader's defaults).
     */
    static final FormatsConfig NO_CONFIGURATION = new FormatsConfig(List.of(), "auto");

    /** The formats to read with, as the configuration and the option say. */
    FormatSet formats(Environment env, FormatsConfig config) {
        List<String> errors = new ArrayList<>();
        List<FormatDefinition> user = new ArrayList<>();
        collect(FormatFiles.read(List.of(SigilHome.of(env.variables()).formatsDirectory()), true), user, errors);
        collect(FormatFiles.read(config.paths(), false), user, errors);
        String wanted = inputFormat != null ? inputFormat : config.auto() ? "auto" : config.defaultFormat();
        String from = inputFormat != null ? "--input-format " : "formats.default ";
        FormatDefinition file = null;
        if (!wanted.equals("auto") && isFile(wanted)) {
            DefinitionReader.Result r = FormatFiles.readFile(Path.of(wanted));
            errors.addAll(r.errors());
            file = r.definition();
        }
        stopOn(errors);
        FormatSet set;
        try {
            set = FormatSet.builtIn().withUser(user);
            if (file != null && !isLoaded(set, file)) {
                set = set.withUser(List.of(file));
            }
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
        if (wanted.equals("auto")) {
            return set;
        }
        Optional<FormatDefinition> forced = set.named(file != null ? file.name() : wanted);
        if (forced.isEmpty()) {
            throw UserError.usage(from + wanted + ": no format of that name (" + String.join(", ", set.names())
                    + "), and no such definition file");
        }
        return set.forcing(forced.get());
    }

    /** A value that names a file rather than a format: a path with a slash, a definition's extension, or a file that exists. */
    private static boolean isFile(String value) {
        return value.contains("/") || value.endsWith(".yaml") || value.endsWith(".yml") || value.endsWith(".json")
                || Files.isRegularFile(Path.of(value));
    }

    /** Whether the same file was already read (it is in ~/.sigil/formats or formats.paths). */
    private static boolean isLoaded(FormatSet set, FormatDefinition file) {
        return set.user().stream().anyMatch(d -> d.name().equals(file.name()) && same(d.source(), file.source()));
    }

    private static boolean same(String a, String b) {
        try {
            return Path.of(a).toAbsolutePath().normalize().equals(Path.of(b).toAbsolutePath().normalize());
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static void collect(FormatFiles.Loaded loaded, List<FormatDefinition> into, List<String> errors) {
        into.addAll(loaded.definitions());
        errors.addAll(loaded.errors());
    }

    private void stopOn(List<String> errors) {
        if (errors.isEmpty()) {
            return;
        }
        PrintWriter err = mixee.commandLine().getErr();
        errors.forEach(e -> err.println(mixee.qualifiedName() + ": error: " + TerminalText.visible(e)));
        err.flush();
        throw UserError.usage("invalid format definitions (" + errors.size() + (errors.size() == 1 ? " error" : " errors") + " above)");
    }
}
