/** The session-end summaries written next to the log ({@code tokens.json}, {@code metrics.json}) and their JSON form. */
package dev.sigil.log.summary;
