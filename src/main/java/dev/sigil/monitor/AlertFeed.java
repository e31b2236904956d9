package dev.sigil.monitor;

import java.util.List;

import dev.sigil.tail.SkipReason;
import dev.sigil.tail.TailEntry;

/**
 * The alert rules the monitor evaluates as it reads ({@code sigil monitor --rules FILE}): told of every batch of lines
 * in the order of the log, on the reading thread; returns the text of each alert they fired. The dashboard shows each
 * as a notice; the stream and minimal displays print it as a line.
 */
@FunctionalInterface
public interface AlertFeed {

    /** No rules: nothing fires. */
    AlertFeed NONE = (source, entries) -> List.of();

    /** What {@code entries}, read from {@code source}, fired. */
    List<String> lines(String source, List<TailEntry> entries);

    /**
     * What line {@code line} of {@code source}, skipped for {@code reason} (not JSON, too long, ...), fired: the rules
     * counting the lines that fail the contract look at it. Told in the log's order among the batches.
     */
    default List<String> skipped(String source, long line, SkipReason reason) {
        return List.of();
    }

    /** Reading starts again from a log's first line (another session picked): what was counted is forgotten. */
    default void restart() {
    }
}
