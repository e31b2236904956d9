/** The byte form of the log: CPython-exact JSON writing and reading, timestamps, and JSON Lines framing. */
package dev.sigil.contract.codec;
