package dev.sigil.log;

import java.io.IOException;
import java.nio.file.attribute.BasicFileAttributes;

import dev.sigil.contract.codec.PythonTimestamp;
import dev.sigil.layout.LogLayout;
import dev.sigil.layout.SessionId;

/**
 * How {@link ExecutionLogger.Builder#open} opens a session: the id validated before any file is touched, the
 * directories made and checked ({@link SafeDirectory}), the session lock taken, an existing session refused when
 * asked, the error log and the log opened (a torn last line cut and kept), current.jsonl pointed at the session; on
 * any failure what was opened is closed again.
 */
final class SessionOpening {

    private SessionOpening() {
    }

    static ExecutionLogger open(ExecutionLogger.Builder b, String sessionId) throws IOException {
        SessionId id = SessionId.of(sessionId);
        try (SafeDirectory root = SafeDirectory.root(b.settings.logPath())) {
            LogLayout layout = new LogLayout(root.path());
            SafeDirectory files;
            try (SafeDirectory sessions = root.directory(LogLayout.SESSIONS)) {
                files = sessions.directory(id.value());
            }
            try {
                ExecutionLogger logger = open(b, id, layout, files);
                if (b.monitoring) {
                    pointCurrent(b.reporter, root, layout, id);
                }
                logger.start();
                return logger;
            } catch (IOException | RuntimeException e) {
                ExecutionLogger.closeQuietly(files);
                throw e;
            }
        }
    }

    private static ExecutionLogger open(ExecutionLogger.Builder b, SessionId id, LogLayout layout, SafeDirectory files) throws IOException {
        SessionLock lock = SessionLock.acquire(files, id.value());
        try {
            if (b.newOnly) {
                refuseExisting(files, id);
            }
            Reporter reporter = b.reporter;
            ErrorLog errors = new ErrorLog(files, LogLayout.ERRORS_LOG, b.opener, b.settings.fsync(), reporter);
            ExecutionLogger[] self = new ExecutionLogger[1];
            Segment segment = Segment.open(files, b.opener, b.settings.fsync(), torn -> {
                errors.tornTail(torn, PythonTimestamp.now(b.clock));
                reporter.report("cut an unfinished last line (" + torn.length() + " bytes at offset " + torn.offset() + ") from "
                        + torn.file() + ", left by a writer that stopped mid-write; the bytes are kept in " + errors.file());
            }, lost -> self[0].lostLog(lost, errors));
            self[0] = new ExecutionLogger(b, id, layout, files, lock, segment, errors);
            return self[0];
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** For {@code newSessionOnly()}: a session whose log already holds entries is not started again. */
    private static void refuseExisting(SafeDirectory files, SessionId id) throws IOException {
        // Only regular files count: a link or a FIFO planted at one of these names is refused, with its own
        // message, when the logger opens it.
        boolean used = files.attributes(LogLayout.EXECUTION_LOG).map(a -> a.isRegularFile() && a.size() > 0).orElse(false);
        for (String n : files.names()) {
            if (LogLayout.rotatedNumber(n).isPresent() || n.equals(LogLayout.OUTPUTS)) {
                used |= files.attributes(n).map(BasicFileAttributes::isRegularFile).orElse(false);
            }
        }
        if (used) {
            throw new SessionExistsException(id.value(), files.resolve(LogLayout.EXECUTION_LOG));
        }
    }

    private static void pointCurrent(Reporter reporter, SafeDirectory root, LogLayout layout, SessionId id) {
        try {
            CurrentLink.point(root, id);
        } catch (IOException | UnsupportedOperationException e) {
            reporter.report("could not point " + layout.current() + " at session " + id + ": " + e.getMessage());
        }
    }
}
