/**
 * Where sigil's files live and what they are called, in one place: the home directory and the default log root
 * ({@link dev.sigil.layout.SigilHome}), the layout of the log directory ({@link dev.sigil.layout.LogLayout}: sessions,
 * rotated parts, {@code current.jsonl}, locks, outputs, summaries, archives), the session-id rule
 * ({@link dev.sigil.layout.SessionId}) and the log directory's defaults ({@link dev.sigil.layout.LogDefaults}). Pure
 * names and paths, no I/O; every feature asks here (ADR 0050).
 */
package dev.sigil.layout;
