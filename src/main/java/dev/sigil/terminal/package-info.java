/**
 * What sigil sends to a terminal: text that came from a log made harmless and visible (one sanitizer for every
 * command that prints log content on a terminal).
 */
package dev.sigil.terminal;
