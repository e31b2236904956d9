package dev.sigil.remote.serve;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import dev.sigil.monitor.state.SessionChoice;
import dev.sigil.remote.CloseCode;
import dev.sigil.remote.Messages;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read-only HTTP surface beside the stream, for curl and scripts: {@code GET /health}, {@code GET /sessions} (JSON)
 * and {@code GET /sessions/ID/log?from=OFFSET} (the log's bytes from the offset to the end of its last complete line).
 * Errors are JSON {@code {"error": reason}} with the status of the close code the stream would send.
 */
final class HttpRoutes extends Handler.Abstract {

    private final SessionLogs logs;
    private final SessionList list;
    private final Access access;
    private final ServeCounts counts;

    HttpRoutes(SessionLogs logs, SessionList list, Access access, ServeCounts counts) {
        this.logs = logs;
        this.list = list;
        this.access = access;
        this.counts = counts;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        counts.request();
        Fields query = Request.extractQueryParameters(request);
        if (!access.allows(request.getHeaders().get(HttpHeader.AUTHORIZATION), query.getValue("token"))) {
            return error(response, callback, 401, "unauthorized: give the server's token (Authorization: Bearer TOKEN)");
        }
        if (!"GET".equals(request.getMethod())) {
            return error(response, callback, 405, "only GET is served");
        }
        String path = Request.getPathInContext(request);
        if (path.equals("/health")) {
            return json(response, callback, 200, JsonNodeFactory.instance.objectNode().put("status", "ok"));
        }
        if (path.equals("/sessions")) {
            return json(response, callback, 200, JsonNodeFactory.instance.objectNode().set("sessions", sessions(list.now(System.currentTimeMillis()))));
        }
        if (path.startsWith("/sessions/") && path.endsWith("/log")) {
            return log(path.substring("/sessions/".length(), path.length() - "/log".length()), query.getValue("from"), response, callback);
        }
        return error(response, callback, 404, "no such page: /health, /sessions, /sessions/ID/log?from=OFFSET");
    }

    private boolean log(String id, String fromText, Response response, Callback callback) throws Exception {
        try {
            Path log = logs.log(id);
            long from = Offsets.parse(fromText);
            long size = logs.size(log)[0];
            if (from > size) {
                throw new SessionLogs.Refused(CloseCode.PAST_END, "offset " + from + " is past the end of the log (" + size + " bytes)");
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/jsonl");
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
                counts.sent(logs.copy(log, from, out));
            }
            callback.succeeded();
            return true;
        } catch (SessionLogs.Refused r) {
            return error(response, callback, status(r.code), r.getMessage());
        }
    }

    static ArrayNode sessions(List<SessionChoice> sessions) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (SessionChoice c : sessions) {
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("id", c.id()).put("size", c.sizeBytes()).put("modified_ms", c.modifiedMillis());
            if (!c.status().isEmpty() || c.tokens() >= 0 || !c.task().isEmpty()) {
                o.put("status", c.status()).put("task", c.task()).put("started", c.started()).put("tokens", c.tokens());
            }
            list.add(o);
        }
        return list;
    }

    private static int status(CloseCode code) {
        return code.code() - 4000;
    }

    private boolean error(Response response, Callback callback, int status, String reason) {
        counts.refused("HTTP " + status);
        return json(response, callback, status, JsonNodeFactory.instance.objectNode().put("error", reason));
    }

    private static boolean json(Response response, Callback callback, int status, ObjectNode body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, Messages.write(body) + "\n", callback);
        return true;
    }

}
