/**
 * Pure formatters for what {@code sigil tail} prints: the {@code line} format that agrees byte for byte with
 * {@code scripts/file_monitor.sh} ({@link dev.sigil.tail.format.LineFormat}, {@link dev.sigil.tail.format.JqText}),
 * and the terminal escaping that keeps control characters from a log off the screen
 * ({@link dev.sigil.tail.format.TerminalText}).
 */
package dev.sigil.tail.format;
