package dev.sigil.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sigil export}: sends logs to other tools; {@code otlp} is the one destination so far. */
@Command(name = "export",
        description = {"Send execution logs to other tools.", "", "otlp: to an OpenTelemetry collector, as log records, a trace and metrics."},
        synopsisSubcommandLabel = "DESTINATION",
        subcommands = {ExportOtlpCommand.class})
final class ExportCommand implements Runnable {

    @ParentCommand
    SigilCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw UserError.usage("name where to export, e.g. sigil export otlp --endpoint http://127.0.0.1:4318 FILE");
    }
}
