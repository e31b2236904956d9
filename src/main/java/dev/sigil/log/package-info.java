/**
 * The writing side of the execution log: a buffered, thread-safe logger that sanitizes, validates and appends
 * entries to {@code sessions/<id>/execution.jsonl} (where that is: {@link dev.sigil.layout}), with locking, rotation
 * and fault handling.
 */
package dev.sigil.log;
