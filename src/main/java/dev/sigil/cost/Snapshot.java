package dev.sigil.cost;

/**
 * Which price data this is: the npm package it was converted from, its version and its publication date.
 *
 * @param packageName {@code @pydantic/genai-prices}
 * @param version e.g. 0.1.8
 * @param published the registry's publication date of that version, YYYY-MM-DD
 * @param license the package's licence (MIT; its notice ships beside the data)
 * @param homepage where the data is maintained
 */
public record Snapshot(String packageName, String version, String published, String license, String homepage) {

    /** {@code genai-prices 0.1.8 (2026-09-23)}: how a price's origin is shown. */
    public String describe() {
        String name = packageName.substring(packageName.indexOf('/') + 1);
        return name + " " + version + " (" + published + ")";
    }
}
