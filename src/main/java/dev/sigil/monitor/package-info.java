/**
 * {@code sigil monitor} as a service: finds the log to follow, runs the tailer and turns what it reports into
 * actions ({@link dev.sigil.monitor.TailActions}), and drives either the dashboard ({@code monitor.view}) or the
 * Python-compatible stream and minimal output ({@code monitor.format}) from the pure state ({@code monitor.state}).
 */
package dev.sigil.monitor;
