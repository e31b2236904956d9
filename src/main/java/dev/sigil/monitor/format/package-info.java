/**
 * Text the monitor prints outside the full-screen dashboard: the stream and minimal lines, the header and the final
 * summary, formatted byte for byte as the documented Python monitor (seed 001 §4.3) formats them, with Python's
 * number-formatting rules; and the one sanitizer that keeps log content from driving a terminal.
 */
package dev.sigil.monitor.format;
