/**
 * Text the monitor prints outside the full-screen dashboard: the stream and minimal lines, the header and the final
 * summary, formatted byte for byte as the documented Python monitor (seed 001 §4.3) formats them, with Python's
 * number-formatting rules.
 */
package dev.sigil.monitor.format;
