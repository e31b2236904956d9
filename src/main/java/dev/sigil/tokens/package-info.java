/**
 * Tokens: counting text and chat messages exactly as tiktoken does (through jtokkit), a session's token budget with
 * its warning levels and forecast, and the alerts raised when the level changes. Pure logic: no files, no terminal;
 * alert handlers are the seam to the outside.
 */
package dev.sigil.tokens;
