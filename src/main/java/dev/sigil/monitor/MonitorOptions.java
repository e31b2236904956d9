package dev.sigil.monitor;

import java.time.Duration;

import dev.sigil.contract.event.Level;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.monitor.view.Display;

/**
 * How {@code sigil monitor} runs.
 *
 * @param target the log to follow
 * @param mode dashboard, stream or minimal
 * @param component the only component shown ("" for all)
 * @param minLevel the lowest level shown
 * @param refresh time between two screen updates (dashboard) or two looks at the file (stream, minimal)
 * @param follow keep reading as the log grows (false: read to the end and stop)
 * @param color whether the dashboard uses colour
 * @param terminal whether stdout is a terminal (log text is then made visible, never sent raw)
 * @param maxLineBytes longest line read
 * @param display what the dashboard shows
 * @param formats the formats the log is read in (docs/formats.md)
 */
public record MonitorOptions(LogTarget target, Mode mode, String component, Level minLevel, Duration refresh,
                             boolean follow, boolean color, boolean terminal, int maxLineBytes, Display display, FormatSet formats) {

    /** Options reading the log in the built-in formats. */
    public MonitorOptions(LogTarget target, Mode mode, String component, Level minLevel, Duration refresh, boolean follow, boolean color,
                          boolean terminal, int maxLineBytes, Display display) {
        this(target, mode, component, minLevel, refresh, follow, color, terminal, maxLineBytes, display, FormatSet.builtIn());
    }

    /** The three displays of the documented monitor. */
    public enum Mode { DASHBOARD, STREAM, MINIMAL }
}
