/**
 * Follows execution logs as they grow, and survives what happens to files on a live system: rotation, truncation,
 * deletion and re-creation, symlink retargeting, partial writes, long lines and broken bytes.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link dev.sigil.tail.TailSource}: the file system seam (a name, the key of the file it refers to, an open
 *       handle readable at any offset); {@link dev.sigil.tail.FileTailSource} on disk,
 *       {@link dev.sigil.tail.MemoryTailSource} in memory for tests;</li>
 *   <li>{@link dev.sigil.tail.LineAssembler}: pure, bounded, bytes to complete lines;</li>
 *   <li>{@link dev.sigil.tail.LineDecoder}: pure, a line to an entry ({@link dev.sigil.tail.TailEntry}, with the
 *       parsed JSON and its {@link dev.sigil.contract.event.LogEvent}), a blank line, or a skip reason;</li>
 *   <li>{@link dev.sigil.tail.Tailer}: polls the sources and reports {@link dev.sigil.tail.TailEvent}s to a
 *       {@link dev.sigil.tail.TailListener}.</li>
 * </ul>
 *
 * <h2>How to consume</h2>
 * <pre>{@code
 * BlockingQueue<TailEvent> queue = new LinkedBlockingQueue<>();
 * Tailer tailer = new Tailer(new FileTailSource(path), TailOptions.defaults(), queue::add);
 * Thread thread = new Thread(tailer::run, "sigil-tail");
 * thread.setDaemon(true);
 * thread.start();
 * // on the render thread: drain the queue, turn each event into an action of your own, coalesce Lines batches
 * if (event instanceof TailEvent.Lines lines) { ... lines.entries() ... }   // file order; entry.event() is the LogEvent
 * else if (event instanceof TailEvent.Skipped skipped) { ... }              // count it; source(), line(), reason(), detail()
 * else if (event instanceof TailEvent.FileChanged changed) { ... }          // ROTATED, TRUNCATED, MISSING, ...
 * // at the end
 * tailer.stop(); thread.join(); tailer.close();
 * }</pre>
 * Events arrive in the order of the bytes in each file; a batch never spans a skipped line or a file change. A
 * {@code TRUNCATED} or {@code REPLACED} change means the lines that follow start the file again (a consumer that
 * keeps state per session may want to reset it; the contract's writer never truncates). After {@code ROTATED},
 * lines of the new file follow; a writer that keeps appending to the old file for a moment is still read, so a few
 * late lines of the old file may come after the first lines of the new one (each line exactly once).
 * {@link dev.sigil.tail.Tailer#stats()} gives the counts (entries, blank, invalid UTF-8, skipped by reason) from any
 * thread. Guarantees and the tests that check them: docs/reliability.md.
 */
package dev.sigil.tail;
