/**
 * Reading logs into the export: once to their end ({@code sigil export otlp}), or following them as they grow
 * ({@code --otlp} on orchestrate, monitor and tail) on a thread of their own, through the same tailer as
 * {@code sigil tail} and the same decode path as every reader, so every format the readers know is exported.
 */
package dev.sigil.otlp.read;
