package dev.sigil.monitor;

import java.nio.file.Path;

/**
 * The log a monitor follows.
 *
 * @param file the file to read (a symlink such as {@code current.jsonl} is followed by the tailer)
 * @param shown the path as the documented monitor prints it ({@code Found log file: ...})
 * @param session the session's name for headers and the summary
 * @param logPath the base log directory, for the session picker
 */
public record LogTarget(Path file, String shown, String session, Path logPath) {
}
