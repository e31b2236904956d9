package dev.sigil.cost;

/**
 * Where a price comes from: the bundled snapshot, or a line of an override file.
 *
 * @param source "genai-prices 0.1.8 (2026-09-23)" or the override file's path
 * @param line the line of the override file, 0 for the snapshot
 */
public record Origin(String source, int line) {

    public boolean isOverride() {
        return line > 0;
    }

    /** {@code genai-prices 0.1.8 (2026-09-23)} or {@code ~/.sigil/prices.yaml:12}. */
    public String describe() {
        return line > 0 ? source + ":" + line : source;
    }
}
