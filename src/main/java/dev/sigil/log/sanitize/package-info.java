/** Removing secrets and personal data (keys, passwords, tokens, card numbers, e-mail addresses) from entries before they are written. */
package dev.sigil.log.sanitize;
