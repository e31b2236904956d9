/**
 * The reader's view of a log line from any producer: both dialects (execution entries and seed-002 operation logs)
 * and any other JSON object, decoded into one {@link dev.sigil.contract.event.LogEvent} as docs/contract.md §8-9 says.
 */
package dev.sigil.contract.event;
