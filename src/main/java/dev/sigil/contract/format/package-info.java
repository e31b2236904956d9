/**
 * Format definitions (docs/formats.md): how a line of a producer is recognised and mapped onto a
 * {@link dev.sigil.contract.event.LogEvent}, the built-in ones, the user's, and which format a file is read in.
 */
package dev.sigil.contract.format;
