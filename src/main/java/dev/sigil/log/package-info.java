/**
 * The writing side of the execution log: a buffered, thread-safe logger that sanitizes, validates and appends
 * entries to {@code sessions/<id>/execution.jsonl}, with its session layout, locking, rotation and fault handling.
 */
package dev.sigil.log;
