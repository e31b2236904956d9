package dev.sigil.log;

import java.io.IOException;

import dev.sigil.contract.codec.IndentedJson;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.layout.LogLayout;
import dev.sigil.log.summary.SessionMetrics;
import dev.sigil.log.summary.TokenSummary;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes tokens.json and metrics.json at session end, each atomically (temporary file, fsync, rename), indented as
 * Python's {@code json.dumps(..., indent=2)}. metrics.json always exists after a logger closes: it carries the
 * logger's own counts, the entries that could not be written among them.
 */
final class SummaryFiles {

    private static final IndentedJson JSON = new IndentedJson(new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT));

    private SummaryFiles() {
    }

    static void writeTokens(SafeDirectory sessionDir, TokenSummary tokens, boolean fsync) throws IOException {
        sessionDir.replace(LogLayout.TOKENS, JSON.encode(tokens.toJsonNode()), fsync);
    }

    /** metrics.json: the orchestrator's summary if given (else the session and time), then {@code logger}. */
    static void writeMetrics(SafeDirectory sessionDir, SessionMetrics metrics, String sessionId, String timestamp, LoggerStats stats,
                             boolean fsync) throws IOException {
        ObjectNode node = metrics != null ? metrics.toJsonNode()
                : JsonNodeFactory.instance.objectNode().put("session_id", sessionId).put("timestamp", timestamp);
        node.set("logger", statsJson(stats));
        sessionDir.replace(LogLayout.METRICS, JSON.encode(node), fsync);
    }

    static ObjectNode statsJson(LoggerStats s) {
        return JsonNodeFactory.instance.objectNode()
                .put("entries_accepted", s.accepted())
                .put("entries_written", s.written())
                .put("entries_rejected", s.rejected())
                .put("entries_dropped", s.dropped())
                .put("entries_unwritten", s.unwritten())
                .put("entries_unconfirmed", s.unconfirmed())
                .put("rotations", s.rotations())
                .put("error_records_lost", s.errorRecordsLost())
                .put("entries_in_deleted_logs", s.deleted());
    }
}
