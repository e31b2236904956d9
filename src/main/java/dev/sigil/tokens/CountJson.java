package dev.sigil.tokens;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Counts as JSON objects, the output of {@code sigil tokens --json}. Write them with {@code PythonJsonWriter}. */
public final class CountJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CountJson() {
    }

    /** {@code {"source", "encoding", "characters", "bytes", "tokens"}}. */
    public static ObjectNode text(String source, TextCount count) {
        ObjectNode o = NODES.objectNode();
        o.put("source", source);
        o.put("encoding", count.encoding().tiktokenName());
        o.put("characters", count.characters());
        o.put("bytes", count.utf8Bytes());
        o.put("tokens", count.tokens());
        return o;
    }

    /**
     * {@code {"source", "encoding", "messages": [{"role", "content_tokens", "overhead", "tokens"}],
     * "conversation_overhead", "tokens"}}.
     */
    public static ObjectNode messages(String source, MessageCount count) {
        ObjectNode o = NODES.objectNode();
        o.put("source", source);
        o.put("encoding", count.encoding().tiktokenName());
        ArrayNode list = o.putArray("messages");
        for (MessageCount.Message m : count.messages()) {
            ObjectNode n = list.addObject();
            n.put("role", m.role());
            n.put("content_tokens", m.contentTokens());
            n.put("overhead", m.overhead());
            n.put("tokens", m.tokens());
        }
        o.put("conversation_overhead", count.conversationOverhead());
        o.put("tokens", count.total());
        return o;
    }
}
