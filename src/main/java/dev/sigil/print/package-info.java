/**
 * Printing log entries as {@code sigil tail} shows them: the {@code line} format that agrees byte for byte with
 * {@code scripts/file_monitor.sh} ({@link dev.sigil.print.LineFormat}, {@link dev.sigil.print.JqText}, and
 * {@link dev.sigil.print.FastLineFormat} straight from the bytes), the {@code jsonl} form, and
 * {@link dev.sigil.print.TailPrinter}, which turns a tailer's events into stdout and stderr lines. The tailer follows;
 * this package prints.
 */
package dev.sigil.print;
