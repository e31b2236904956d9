package dev.sigil.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.sigil.layout.LogLayout;
import dev.sigil.layout.SessionId;
import dev.sigil.monitor.LogLocator;
import dev.sigil.monitor.state.SessionChoice;
import dev.sigil.otlp.ExportCounts;
import dev.sigil.otlp.OtlpExport;
import dev.sigil.otlp.OtlpSettings;
import dev.sigil.otlp.read.LogReplay;
import dev.sigil.tail.FileTailSource;
import dev.sigil.tail.TailOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sigil export otlp}: sends logs to an OpenTelemetry collector as log records, a trace per session and metrics. */
@Command(name = "otlp",
        description = {
            "Send logs to an OpenTelemetry collector over OTLP/HTTP (protobuf): one log",
            "record per line, a trace per session (invoke_workflow, invoke_agent per step,",
            "chat per model call with gen_ai.* usage and sigil.cost.usd) and the GenAI",
            "client metrics. Ids are derived from the session and the line: exporting the",
            "same log twice sends the same ids. docs/otlp.md has the mapping."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every line was read and sent", "1:some lines were skipped, or some records could not be sent (see stderr)",
            "2:bad arguments, or a file missing or unreadable"})
final class ExportOtlpCommand implements Callable<Integer> {

    @ParentCommand
    ExportCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Log files to send (with their rotated parts).")
    List<Path> paths = new ArrayList<>();

    @Mixin
    SessionOptions logs;

    @Option(names = "--all", description = "Send every session under the log directory.")
    boolean all;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "The collector's OTLP/HTTP base URL (default: OTEL_EXPORTER_OTLP_ENDPOINT),%n  e.g. http://127.0.0.1:4318.")
    String endpoint;

    @Option(names = "--wait", paramLabel = "S", description = "Wait at most S seconds for a collector that is away (default: ${DEFAULT-VALUE}).")
    int waitSeconds = 10;

    @Mixin
    PriceOptions prices;

    @Override
    public Integer call() {
        Environment env = parent.root.environment();
        OtlpSettings settings = OtlpRun.settings(endpoint, "--endpoint", env);
        List<FileTailSource> sources = sources(env);
        if (waitSeconds < 0) {
            throw UserError.usage("--wait must be 0 or more seconds, not " + waitSeconds);
        }
        java.time.Duration wait = java.time.Duration.ofSeconds(waitSeconds);
        String command = spec.qualifiedName();
        OtlpExport export = OtlpRun.open(settings, OtlpRun.notes(spec.commandLine().getErr(), command));
        LogReplay.Result read;
        ExportCounts counts;
        try {
            read = LogReplay.replay(sources, TailOptions.defaults(), OtlpRun.folder(settings, export, prices.pricer(env, spec)),
                    OtlpRun.notes(spec.commandLine().getErr(), command));
        } finally {
            counts = export.close(wait);
        }
        spec.commandLine().getOut().println(read.lines() + (read.lines() == 1 ? " line" : " lines") + " of " + sources.size()
                + (sources.size() == 1 ? " log" : " logs") + " to " + settings.shownEndpoint() + ": " + counts.describe());
        spec.commandLine().getOut().flush();
        if (read.unreadable() > 0) {
            return ExitCode.USAGE;
        }
        return counts.complete() && read.skipped() == 0 ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private List<FileTailSource> sources(Environment env) {
        Optional<SessionId> session = logs.sessionId();
        int given = (paths.isEmpty() ? 0 : 1) + (session.isPresent() ? 1 : 0) + (all ? 1 : 0);
        if (given != 1) {
            throw UserError.usage(given == 0 ? "give the PATH of a log, --session ID or --all" : "give one of PATHs, --session or --all");
        }
        if (!paths.isEmpty()) {
            if (logs.logPath != null) {
                throw UserError.usage("--log-path goes with --session or --all");
            }
            List<FileTailSource> out = new ArrayList<>();
            for (Path p : paths) {
                if (!Files.isRegularFile(p)) {
                    throw UserError.usage(p + ": " + (Files.isDirectory(p) ? "is a directory" : "no such file"));
                }
                out.add(new FileTailSource(p));
            }
            return out;
        }
        LogOptions.Logs found = logs.logs(env);
        LogLayout layout = found.layout();
        if (session.isPresent()) {
            Path file = layout.executionLog(session.get());
            if (!Files.isRegularFile(file)) {
                throw UserError.usage("no session '" + session.get() + "' in " + layout.sessions());
            }
            return List.of(new FileTailSource(file).confinedTo(layout.root()));
        }
        List<SessionChoice> choices = new ArrayList<>(new LogLocator(layout, found.rootText()).sessions());
        choices.sort(Comparator.comparing(SessionChoice::id));
        if (choices.isEmpty()) {
            throw UserError.usage("no sessions in " + layout.sessions());
        }
        return choices.stream().map(c -> new FileTailSource(layout.executionLog(SessionId.of(c.id()))).confinedTo(layout.root())).toList();
    }
}
