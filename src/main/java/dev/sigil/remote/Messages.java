package dev.sigil.remote;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The text messages of a session's log stream (docs/remote.md), written and read with the codec: the log's own bytes
 * travel in binary messages, whole lines only, and these say where they start and what happened beside them.
 * <ul>
 *   <li>{@code {"type":"hello","session":ID,"offset":N,"end":E}}: the bytes that follow start at offset N of the
 *       session's log (its rotated parts and then execution.jsonl, one after the other), whose complete lines ended at
 *       E when the client came;</li>
 *   <li>{@code {"type":"heartbeat","offset":N}}: every second or so, where the stream stands;</li>
 *   <li>{@code {"type":"skipped","offset":N,"length":L,"reason":R}}: a line not sent (longer than the server's bound);
 *       the offset moves past it;</li>
 *   <li>{@code {"type":"file","change":C,"detail":D}}: the log rotated, or went missing, for people;</li>
 *   <li>{@code {"type":"sessions","sessions":[...]}}: the live sessions list ({@code /sessions}), whole each time it
 *       changes.</li>
 * </ul>
 */
public final class Messages {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final PythonJsonWriter WRITER = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);

    private Messages() {
    }

    /** @param end where the log's complete lines ended when the client came (a follower that does not follow stops there) */
    public static String hello(String session, long offset, long end) {
        return write(NODES.objectNode().put("type", "hello").put("session", session).put("offset", offset).put("end", end));
    }

    public static String heartbeat(long offset) {
        return write(NODES.objectNode().put("type", "heartbeat").put("offset", offset));
    }

    public static String skipped(long offset, long length, String reason) {
        return write(NODES.objectNode().put("type", "skipped").put("offset", offset).put("length", length).put("reason", reason));
    }

    public static String file(String change, String detail) {
        return write(NODES.objectNode().put("type", "file").put("change", change).put("detail", detail));
    }

    /** The live sessions list: {@code sessions} is an array of the sessions' objects. */
    public static ObjectNode sessions(tools.jackson.databind.node.ArrayNode sessions) {
        ObjectNode m = NODES.objectNode().put("type", "sessions");
        m.set("sessions", sessions);
        return m;
    }

    /** Any object as the codec writes it (CPython's compact separators). */
    public static String write(ObjectNode message) {
        return WRITER.encodeToString(message);
    }

    /** A message as an object, or null when it is not a JSON object. */
    public static JsonNode read(String text) {
        try {
            JsonNode node = new PythonJsonReader().read(text);
            return node.isObject() ? node : null;
        } catch (JsonSyntaxException e) {
            return null;
        }
    }
}
