package dev.sigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
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
            "Sessions a logger is writing are never touched, and links are never followed.",
            "Directories that are not yours, or that others may write in, are refused."
        },
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (or nothing to do)", "1:some sessions or archives could not be handled (see 'failed' lines)",
            "2:bad arguments, another maintenance run is working, or a directory or file is not safe to touch (another user's, or others may write in it)"})
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
        "and a new empty log takes its place. Idle means: no logger holds the session's lock,",
        "and no one wrote the log for the idle time. Others are skipped, with the reason."})
    int rotate(@Mixin Common common,
               @Option(names = "--max-file-size", paramLabel = "BYTES", description = "Size limit (default: logging.max_file_size_mb, 10 MiB).")
               Long maxFileSize,
               @Option(names = "--idle-minutes", paramLabel = "N", description = "Minutes a log must be unwritten to be rotated (default: logging.rotate_idle_minutes, 30).")
               Integer idleMinutes) {
        return run(common, EnumSet.of(Task.ROTATE), new Limits(maxFileSize, null, null, idleMinutes));
    }

    @Command(name = "archive", description = {"Archive sessions idle for longer than the retention.",
        "Each goes to archive/YYYY-MM-DD/<session>.tar.gz (today's date) and is read back; then",
        "each file the archive holds with the same size and digest is removed, and anything",
        "written meanwhile stays (and is named). Sessions holding links, or held by a logger, are skipped."})
    int archive(@Mixin Common common,
                @Option(names = "--retention-days", paramLabel = "N", description = "Days a session stays unarchived (default: logging.retention_days, 7).")
                Integer retentionDays) {
        return run(common, EnumSet.of(Task.ARCHIVE), new Limits(null, retentionDays, null, null));
    }

    @Command(name = "clean", description = {"Remove archives older than the archive retention.",
        "sigil's archives (<session>.tar.gz) in date directories (archive/YYYY-MM-DD) older than the",
        "retention are removed, and so are its unfinished archives of an interrupted run; other files stay",
        "(and are named), and so does their directory."})
    int clean(@Mixin Common common,
              @Option(names = "--archive-retention-days", paramLabel = "N", description = "Days an archive is kept (default: logging.archive_retention_days, 30).")
              Integer archiveRetentionDays) {
        return run(common, EnumSet.of(Task.CLEAN), new Limits(null, null, archiveRetentionDays, null));
    }

    @Command(name = "maintenance", description = "Rotate, archive and clean, in that order.")
    int maintenance(@Mixin Common common,
                    @Option(names = "--max-file-size", paramLabel = "BYTES", description = "Size limit of a log (default: logging.max_file_size_mb, 10 MiB).")
                    Long maxFileSize,
                    @Option(names = "--retention-days", paramLabel = "N", description = "Days a session stays unarchived (default: logging.retention_days, 7).")
                    Integer retentionDays,
                    @Option(names = "--archive-retention-days", paramLabel = "N", description = "Days an archive is kept (default: logging.archive_retention_days, 30).")
                    Integer archiveRetentionDays,
                    @Option(names = "--idle-minutes", paramLabel = "N", description = "Minutes a log must be unwritten to be rotated (default: logging.rotate_idle_minutes, 30).")
                    Integer idleMinutes) {
        return run(common, EnumSet.allOf(Task.class), new Limits(maxFileSize, retentionDays, archiveRetentionDays, idleMinutes));
    }

    /** The limits given on the command line (null: the configuration's). */
    private record Limits(Long maxFileSize, Integer retentionDays, Integer archiveRetentionDays, Integer idleMinutes) {
    }

    private int run(Common common, Set<Task> tasks, Limits limits) {
        atLeastOne("--idle-minutes", limits.idleMinutes() == null ? null : limits.idleMinutes().longValue());
        LogOptions.Logs logs = common.logs(root.environment());
        LoggerSettings settings = settings(logs, limits.maxFileSize(), limits.retentionDays(), limits.archiveRetentionDays());
        Duration idle = Duration.ofMinutes(limits.idleMinutes() != null ? limits.idleMinutes()
                : logs.loaded().config().logging().rotateIdleMinutes());
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(settings.logPath())) {
            out.println(TerminalText.visible("nothing to do: no log directory at " + settings.logPath()));
            out.flush();
            return ExitCode.OK;
        }
        MaintenanceReport report;
        try {
            report = new LogMaintenance(settings, Clock.systemDefaultZone(), idle).run(tasks, common.dryRun);
        } catch (IOException e) {
            throw UserError.usage(e.getMessage());
        }
        // Directory and file names under the log path are text from outside: shown, never sent to the terminal.
        report.lines().forEach(line -> out.println(TerminalText.visible(line)));
        out.println(report.summary());
        out.flush();
        return report.count(MaintenanceReport.Kind.REFUSED) > 0 ? ExitCode.USAGE
                : report.count(MaintenanceReport.Kind.FAILED) > 0 ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private LoggerSettings settings(LogOptions.Logs logs, Long maxFileSize, Integer retentionDays, Integer archiveRetentionDays) {
        atLeastOne("--max-file-size", maxFileSize);
        atLeastOne("--retention-days", retentionDays == null ? null : retentionDays.longValue());
        atLeastOne("--archive-retention-days", archiveRetentionDays == null ? null : archiveRetentionDays.longValue());
        LoggerSettings.Builder b = LoggerSettingsFromConfig.of(logs.loaded().config().logging()).toBuilder();
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
