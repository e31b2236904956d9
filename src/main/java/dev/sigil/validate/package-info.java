/** Checking logs line by line against the contract: the validator and its result records; no printing. */
package dev.sigil.validate;
