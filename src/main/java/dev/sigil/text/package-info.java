/**
 * Text from outside (a log, a config file, an environment variable, a file name) made safe to show on a terminal:
 * the one escaping policy every command and feature uses ({@link dev.sigil.text.TerminalText}); and counts grouped in
 * threes for people ({@link dev.sigil.text.Grouped}). Pure; depends on nothing of sigil's.
 */
package dev.sigil.text;
