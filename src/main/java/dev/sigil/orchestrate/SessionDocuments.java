package dev.sigil.orchestrate;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import dev.sigil.contract.codec.IndentedJson;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.codec.PythonTimestamp;
import dev.sigil.layout.LogLayout;
import dev.sigil.log.SafeDirectory;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the session's two documents current while the run goes (seed 002, "Log locations"; seed 001 §7):
 * {@code session.json}, the session as a whole, and {@code status.json}, where the pipeline is now. Each is replaced
 * atomically (a temporary sibling, then a rename: {@link SafeDirectory#replace}, through the session's checked directory handle), so a reader sees the old or the
 * new document, never a mix. Not fsync'd: they are views of the log, which is (a crash may leave an older view, which
 * the next run or resume replaces), and two fsyncs per document per step cost a second on a busy disk. A document
 * that cannot be written is reported once and the run goes on. Off with {@code SIGIL_ENABLE_MONITORING=false}
 * ({@link #NONE}).
 */
class SessionDocuments {

    /** Writes nothing: monitoring is off. */
    static final SessionDocuments NONE = new SessionDocuments();

    private static final IndentedJson JSON = new IndentedJson(new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT));

    private final SafeDirectory directory;
    private final RunStatus.Header header;
    private final Clock clock;
    private final SessionRecorder.Reporter reporter;
    private boolean failed;

    private SessionDocuments() {
        this.directory = null;
        this.header = null;
        this.clock = null;
        this.reporter = null;
    }

    private SessionDocuments(SafeDirectory directory, RunStatus.Header header, Clock clock, SessionRecorder.Reporter reporter) {
        this.directory = directory;
        this.header = header;
        this.clock = clock;
        this.reporter = reporter;
    }

    /**
     * The documents of the session in {@code directory}; a session document an earlier run wrote keeps its
     * {@code created_at}.
     */
    static SessionDocuments of(SafeDirectory directory, String sessionId, String task, String agent, String pipeline, Clock clock,
                               SessionRecorder.Reporter reporter) {
        String now = PythonTimestamp.now(clock);
        String created = earlierCreatedAt(directory, now);
        return new SessionDocuments(directory, new RunStatus.Header(sessionId, created, task, agent, pipeline), clock, reporter);
    }

    /** Writes both documents as {@code status} says. */
    void update(RunStatus status) {
        if (directory == null || failed) {
            return;
        }
        String now = PythonTimestamp.now(clock);
        // A Ctrl-C that came while a step ran is answered by the run, between steps; a file channel would close
        // itself on the pending interrupt, so the flag is set aside for the two writes and put back.
        boolean interrupted = Thread.interrupted();
        try {
            directory.replace(LogLayout.STATUS,
                    JSON.encode(status.statusDocument(header.sessionId(), now, ProcessHandle.current().pid())), false);
            directory.replace(LogLayout.SESSION_DOCUMENT, JSON.encode(status.sessionDocument(header, now)), false);
        } catch (IOException | RuntimeException e) {
            failed = true;
            reporter.warn("cannot write the session documents in " + directory.path() + " (" + (e.getMessage() == null ? "an I/O error"
                    : e.getMessage()) + "); the run goes on, its log holds every event");
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String earlierCreatedAt(SafeDirectory directory, String now) {
        try (FileChannel ch = directory.read(LogLayout.SESSION_DOCUMENT)) {
            if (ch.size() < 1 << 20) {
                String text = new String(Channels.newInputStream(ch).readNBytes(1 << 20), StandardCharsets.UTF_8);
                JsonNode created = new PythonJsonReader().read(text).path("created_at");
                if (created.isString()) {
                    return created.stringValue();
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable or not ours: the document starts over
        }
        return now;
    }
}
