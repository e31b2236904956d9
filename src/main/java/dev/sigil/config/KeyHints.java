package dev.sigil.config;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Suggestions for keys sigil does not know: the names seed 002's config used for the same settings, and near misses
 * of known keys (one or two letters off).
 */
final class KeyHints {

    private static final Map<String, String> SEED_002 = Map.ofEntries(
            Map.entry("logging.buffer_size", "logging.max_batch_size (entries) or logging.buffer_size_bytes (bytes)"),
            Map.entry("logging.flush_interval_ms", "logging.flush_interval_seconds (in seconds: 100 ms is 0.1)"),
            Map.entry("logging.file", "logging.path"),
            Map.entry("budget", "token_budget"),
            Map.entry("budget.total", "token_budget.default_total"),
            Map.entry("budget.warning_threshold", "token_budget.warning_threshold"),
            Map.entry("budget.critical_threshold", "token_budget.critical_threshold"),
            Map.entry("budget.allocations", "token_budget.allocations (in tokens, not fractions)"),
            Map.entry("cli", "token_budget.default_total for cli.default_budget"),
            Map.entry("cli.default_budget", "token_budget.default_total"),
            Map.entry("logging.flush_interval", "logging.flush_interval_seconds"));

    private KeyHints() {
    }

    /** {@code "; did you mean X?"}, or "" when there is no good guess. */
    static String hint(String key) {
        String mapped = SEED_002.get(key);
        if (mapped != null) {
            return "; did you mean " + mapped + "?";
        }
        Optional<String> near = ConfigKeys.ALL.stream()
                .map(ConfigKey::name)
                .filter(k -> distance(k, key) <= 2)
                .min(Comparator.comparingInt(k -> distance(k, key)));
        return near.map(k -> "; did you mean " + k + "?").orElse("");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
