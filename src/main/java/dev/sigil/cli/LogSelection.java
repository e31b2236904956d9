package dev.sigil.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.sigil.layout.SessionId;
import dev.sigil.report.LogSource;
import dev.sigil.report.ReportSources;

/** The logs a reading command reads: its PATHs, the session of {@code --session}, or {@code --all}, exactly one of them. */
final class LogSelection {

    private LogSelection() {
    }

    static List<LogSource> sources(Environment env, List<Path> paths, SessionOptions logs, boolean all) throws IOException {
        Optional<SessionId> session = logs.sessionId();
        int given = (paths.isEmpty() ? 0 : 1) + (session.isPresent() ? 1 : 0) + (all ? 1 : 0);
        if (given != 1) {
            throw UserError.usage(given == 0 ? "give the logs to read: PATH..., --session ID or --all" : "give one of PATH..., --session ID and --all");
        }
        try {
            if (!paths.isEmpty()) {
                if (logs.logPath != null) {
                    throw UserError.usage("--log-path goes with --session or --all");
                }
                return ReportSources.ofPaths(paths);
            }
            LogOptions.Logs found = logs.logs(env);
            return session.isPresent() ? ReportSources.ofSession(found.layout(), session.get()) : ReportSources.all(found.layout());
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
    }
}
