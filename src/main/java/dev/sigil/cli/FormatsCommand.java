package dev.sigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.sigil.contract.format.FormatDefinition;
import dev.sigil.contract.format.FormatDetector;
import dev.sigil.contract.format.FormatFiles;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.tail.TailOptions;
import dev.sigil.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sigil formats}: the formats logs are read in, and which one a file is read in, and why. */
@Command(name = "formats",
        header = "List the log formats sigil reads, or explain which one a file is in.",
        description = {
            "Without options, lists every format: the user's (~/.sigil/formats/ and",
            "formats.paths) first, in the order lines are tried, then the built-in ones.",
            "",
            "--detect FILE looks at the file's first lines as every reader does, says which",
            "format each line is of, which format the file is read in, and shows the lines",
            "that format does not recognise. --show NAME prints a definition, to copy and",
            "change. The language: docs/formats.md."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (with --detect: a format was found)", "1:--detect: no format recognises any of the first lines",
            "2:bad arguments, an unreadable file, or an invalid definition"})
final class FormatsCommand implements Callable<Integer> {

    @ParentCommand
    SigilCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions config;

    @Mixin
    FormatOptions formatOptions;

    @Option(names = "--detect", paramLabel = "FILE", description = "Explain which format FILE is read in ('-' reads standard input).")
    String detect;

    @Option(names = "--show", paramLabel = "NAME", description = "Print the definition of the format NAME.")
    String show;

    @Override
    public Integer call() throws IOException {
        if (detect != null && show != null) {
            throw UserError.usage("give --detect or --show, not both");
        }
        Environment env = root.environment();
        FormatSet formats = formatOptions.formats(env, config.logs(env).loaded().config().formats());
        PrintWriter out = spec.commandLine().getOut();
        if (show != null) {
            FormatDefinition d = formats.named(show).orElseThrow(() -> UserError.usage("--show " + show + ": no format of that name ("
                    + String.join(", ", formats.names()) + ")"));
            out.print(FormatFiles.text(d));
            out.flush();
            return ExitCode.OK;
        }
        if (detect == null) {
            FormatsText.list(formats.all(), formats.forced().orElse(null)).forEach(out::println);
            out.flush();
            return ExitCode.OK;
        }
        FormatDetector.Detection found;
        try (InputStream in = InputFiles.open(detect, env)) {
            found = FormatDetector.detect(in, formats, TailOptions.DEFAULT_MAX_LINE_BYTES);
        }
        List<String> lines = FormatsText.detection(detect, found, formats.forced().isPresent());
        lines.forEach(l -> out.println(TerminalText.visible(l)));
        out.flush();
        return found.chosen() == null ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
