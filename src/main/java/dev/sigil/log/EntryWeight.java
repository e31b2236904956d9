package dev.sigil.log;

import java.util.ArrayDeque;
import java.util.Map;

import dev.sigil.contract.model.ExecutionEntry;
import tools.jackson.databind.JsonNode;

/**
 * What a queued item holds in memory, as the log queue weighs it against its byte bound (ADR 0013): an entry's text
 * at two bytes a character plus a fixed cost per value; control items weigh nothing. An estimate, the same every
 * time for the same entry (the writer weighs again what it takes), and cheap for the small entries of a pipeline:
 * one pass over the metadata, without recursion, so that nesting of any depth costs no stack.
 */
final class EntryWeight {

    /** The record, its strings' headers and the queue's node. */
    static final int ENTRY_OVERHEAD = 160;
    /** A metadata value: its node, and its slot in the map or array that holds it. */
    static final int VALUE_OVERHEAD = 48;

    private EntryWeight() {
    }

    static long of(Object item) {
        if (item instanceof ExecutionEntry entry) {
            return of(entry);
        }
        if (item instanceof WriterLoop.Processed processed) {
            // Already through the pipeline on the caller's thread: its line, or the entry it refused.
            return processed.outcome() instanceof EntryPipeline.Accepted accepted ? ENTRY_OVERHEAD + accepted.line().length
                    : ENTRY_OVERHEAD + of(((EntryPipeline.Rejected) processed.outcome()).rejection().entry(), null);
        }
        return 0;
    }

    static long of(ExecutionEntry e) {
        long bytes = ENTRY_OVERHEAD + 2L * ((long) e.timestamp().length() + e.sessionId().length() + e.message().length());
        ArrayDeque<JsonNode> todo = null;
        for (Map.Entry<String, JsonNode> m : e.metadata().asMap().entrySet()) {
            bytes += VALUE_OVERHEAD + 2L * m.getKey().length();
            JsonNode v = m.getValue();
            if (v.isContainer()) {
                if (todo == null) {
                    todo = new ArrayDeque<>();
                }
                todo.push(v);
            } else {
                bytes += scalar(v);
            }
        }
        return todo == null ? bytes : bytes + of(null, todo);
    }

    /** The weight of {@code root} (or, if null, of the containers waiting in {@code todo}). */
    private static long of(JsonNode root, ArrayDeque<JsonNode> todo) {
        if (root != null) {
            if (!root.isContainer()) {
                return VALUE_OVERHEAD + scalar(root);
            }
            todo = new ArrayDeque<>();
            todo.push(root);
        }
        long bytes = 0;
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> m : node.properties()) {
                    bytes += VALUE_OVERHEAD + 2L * m.getKey().length() + push(m.getValue(), todo);
                }
            } else {
                for (int i = 0; i < node.size(); i++) {
                    bytes += VALUE_OVERHEAD + push(node.get(i), todo);
                }
            }
        }
        return bytes;
    }

    private static long push(JsonNode v, ArrayDeque<JsonNode> todo) {
        if (v.isContainer()) {
            todo.push(v);
            return 0;
        }
        return scalar(v);
    }

    private static long scalar(JsonNode v) {
        return v.isString() ? 2L * v.stringValue().length() : 0;
    }
}
