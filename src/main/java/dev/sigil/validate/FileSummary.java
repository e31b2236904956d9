package dev.sigil.validate;

/**
 * What validating one input found.
 *
 * @param path the input as the user named it
 * @param lines lines read (blank ones included)
 * @param blank blank lines (skipped, not errors)
 * @param valid lines valid against the schema
 * @param invalid lines with at least one problem
 * @param stopped true if validation stopped early because the problem limit was reached
 */
public record FileSummary(String path, long lines, long blank, long valid, long invalid, boolean stopped) {
}
