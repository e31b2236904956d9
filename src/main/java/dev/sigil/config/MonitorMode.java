package dev.sigil.config;

/** The monitor's display modes (seed 001 section 4.3). */
public enum MonitorMode {
    /** The full dashboard. */
    DASHBOARD,
    /** One line per event. */
    STREAM,
    /** Token counts only. */
    MINIMAL
}
