package dev.sigil.report;

import java.nio.file.Path;

/**
 * One file a report reads, and the session its lines belong to when they do not say (from the file's place in the
 * layout: {@code sessions/<id>/execution.jsonl} or a rotated part).
 *
 * @param file the file
 * @param session the session of lines that name none
 */
public record LogSource(Path file, String session) {
}
