package dev.sigil.tail;

import dev.sigil.contract.event.LogEvent;
import tools.jackson.databind.JsonNode;

/**
 * One complete line that was a JSON object, in the form every reader needs.
 *
 * @param line 1-based number of the line in its file (counting blank and skipped lines; restarts when the file is
 *        truncated or replaced)
 * @param offset byte offset of the line's first byte in its file
 * @param json the parsed object, as CPython reads it; shared, treat it as read-only
 * @param event the reader's view of it (docs/contract.md §8-9)
 * @param invalidUtf8 true if the line held invalid UTF-8 that was replaced by U+FFFD before parsing
 */
public record TailEntry(long line, long offset, JsonNode json, LogEvent event, boolean invalidUtf8) {
}
