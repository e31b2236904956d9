package dev.sigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import dev.sigil.log.LoggerSettings;
import dev.sigil.log.maintenance.LogMaintenance;
import dev.sigil.log.maintenance.LogMaintenance.Task;
import dev.sigil.log.maintenance.MaintenanceReport;
import dev.sigil.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sigil logs}: rotation, archival and cleanup of the log directory (docs/logging.md). */
@Command(name = "logs",
        description = {
            "Keep the log directory in shape: rotate big logs, archive old sessions, remove old archives.",
            "Sessions a logger is writing are never touched, and links are never followed."
        },
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (or nothing to do)", "1:some sessions or archives could not be handled (see 'failed' lines)",
            "2:bad arguments, or another maintenance run is working"})
final class LogsCommand implements Runnable {

    @ParentCommand
    SigilCommand root;

    @Spec
    CommandSpec spec;

    /** Options every subcommand has: the log options (--config, --log-path) and --dry-run. */
    static final class Common extends LogOptions {
        @Option(names = "--dry-run", description = "Show what would be done; change nothing.")
        boolean dryRun;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "rotate", description = {"Rotate the big logs of idle sessions.",
        "execution.jsonl at or over the size limit becomes execution.<n>.jsonl (n counting up)",
        "and a new empty log takes its place. A session a logger holds is left to it."})
    int rotate(@Mixin Common common,
               @Option(names = "--max-file-size", paramLabel = "BYTES", description = "Size limit (default: logging.max_file_size_mb, 10 MiB).")
               Long maxFileSize) {
        return run(common, EnumSet.of(Task.ROTATE), maxFileSize, null, null);
    }

    @Command(name = "archive", description = {"Archive sessions idle for longer than the retention.",
        "Each goes to archive/YYYY-MM-DD/<session>.tar.gz (today's date), is read back,",
        "and only then removed. Sessions holding links, or held by a logger, are skipped."})
    int archive(@Mixin Common common,
                @Option(names = "--retention-days", paramLabel = "N", description = "Days a session stays unarchived (default: logging.retention_days, 7).")
                Integer retentionDays) {
        return run(common, EnumSet.of(Task.ARCHIVE), null, retentionDays, null);
    }

    @Command(name = "clean", description = {"Remove archives older than the archive retention.",
        "Date directories (archive/YYYY-MM-DD) older than the retention are removed with",
        "their archives, and unfinished archives of an interrupted run are removed."})
    int clean(@Mixin Common common,
              @Option(names = "--archive-retention-days", paramLabel = "N", description = "Days an archive is kept (default: logging.archive_retention_days, 30).")
              Integer archiveRetentionDays) {
        return run(common, EnumSet.of(Task.CLEAN), null, null, archiveRetentionDays);
    }

    @Command(name = "maintenance", description = "Rotate, archive and clean, in that order.")
    int maintenance(@Mixin Common common,
                    @Option(names = "--max-file-size", paramLabel = "BYTES", description = "Size limit of a log (default: logging.max_file_size_mb, 10 MiB).")
                    Long maxFileSize,
                    @Option(names = "--retention-days", paramLabel = "N", description = "Days a session stays unarchived (default: logging.retention_days, 7).")
                    Integer retentionDays,
                    @Option(names = "--archive-retention-days", paramLabel = "N", description = "Days an archive is kept (default: logging.archive_retention_days, 30).")
                    Integer archiveRetentionDays) {
        return run(common, EnumSet.allOf(Task.class), maxFileSize, retentionDays, archiveRetentionDays);
    }

    private int run(Common common, Set<Task> tasks, Long maxFileSize, Integer retentionDays, Integer archiveRetentionDays) {
        LoggerSettings settings = settings(common, maxFileSize, retentionDays, archiveRetentionDays);
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(settings.logPath())) {
            out.println(TerminalText.visible("nothing to do: no log directory at " + settings.logPath()));
            out.flush();
            return ExitCode.OK;
        }
        MaintenanceReport report;
        try {
            report = new LogMaintenance(settings, Clock.systemDefaultZone()).run(tasks, common.dryRun);
        } catch (IOException e) {
            throw UserError.usage(e.getMessage());
        }
        // Directory and file names under the log path are text from outside: shown, never sent to the terminal.
        report.lines().forEach(line -> out.println(TerminalText.visible(line)));
        out.println(report.summary());
        out.flush();
        return report.count(MaintenanceReport.Kind.FAILED) > 0 ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private LoggerSettings settings(Common common, Long maxFileSize, Integer retentionDays, Integer archiveRetentionDays) {
        atLeastOne("--max-file-size", maxFileSize);
        atLeastOne("--retention-days", retentionDays == null ? null : retentionDays.longValue());
        atLeastOne("--archive-retention-days", archiveRetentionDays == null ? null : archiveRetentionDays.longValue());
        LoggerSettings.Builder b = LoggerSettingsFromConfig.of(common.logs(root.environment()).loaded().config().logging()).toBuilder();
        try {
            if (maxFileSize != null) {
                b.maxFileSizeBytes(maxFileSize);
            }
            if (retentionDays != null) {
                b.retentionDays(retentionDays);
            }
            if (archiveRetentionDays != null) {
                b.archiveRetentionDays(archiveRetentionDays);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
    }

    private static void atLeastOne(String option, Long value) {
        if (value != null && value < 1) {
            throw UserError.usage(option + " must be at least 1, not " + value);
        }
    }
}
