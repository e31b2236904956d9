package dev.sigil.orchestrate;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.sigil.contract.event.Usage;
import dev.sigil.cost.UsagePricer;
import dev.sigil.prices.BundledPrices;
import tools.jackson.databind.JsonNode;

/**
 * The usage half of a session's audit, summed straight from the log's lines (not by sigil's readers): tokens.json's
 * and metrics.json's usage block must be the sums of the lines' usage records, by phase and by model; its cost the
 * sum of each record priced at its line's time; and every line must carry the run's attribution, each parent being
 * a unit some line declares or a path before its own id.
 */
final class UsageAudit {

    private static final UsagePricer PRICER = new UsagePricer(BundledPrices::catalog);
    private static final List<String> COUNTS = List.of("input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens",
            "cache_write_1h_tokens", "reasoning_tokens");

    private UsageAudit() {
    }

    static List<String> findings(List<JsonNode> entries, JsonNode tokens, JsonNode metrics) {
        List<String> out = new ArrayList<>();
        Map<String, Long> sums = new LinkedHashMap<>();
        Map<String, Long> byModel = new LinkedHashMap<>();
        Map<String, Long> byPhase = new LinkedHashMap<>();
        BigDecimal cost = BigDecimal.ZERO;
        long unpriced = 0;
        Set<String> ids = new HashSet<>();
        for (JsonNode e : entries) {
            JsonNode m = e.path("metadata");
            long t = e.get("tokens").longValue();
            ids.add(m.path("event_id").asString(""));
            if (!m.has("event_id") || !m.has("correlation_id")) {
                out.add("a line without its attribution: " + e);
            }
            if (t == 0) {
                continue;
            }
            byPhase.merge(m.path("phase").asString("(unknown phase)"), t, Long::sum);
            JsonNode u = m.get("tokens_used");
            if (u == null) {
                byModel.merge("(unknown model)", t, Long::sum);
                unpriced += t;
                continue;
            }
            COUNTS.forEach(k -> sums.merge(k, u.path(k).asLong(0), Long::sum));
            String model = u.get("model").stringValue();
            byModel.merge(model, t, Long::sum);
            Usage usage = Usage.of(model, u.get("input_tokens").longValue(), u.get("output_tokens").longValue(), u.path("cache_read_tokens").asLong(0),
                    u.path("cache_write_tokens").asLong(0), u.path("cache_write_1h_tokens").asLong(0), u.path("reasoning_tokens").asLong(0));
            var price = PRICER.usd(usage, LocalDateTime.parse(e.get("timestamp").stringValue()).atZone(ZoneId.systemDefault()).toInstant());
            if (price.isPresent()) {
                cost = cost.add(price.get());
            } else {
                unpriced += t;
            }
        }
        for (JsonNode e : entries) {
            String parent = e.path("metadata").path("parent_id").asString("");
            String id = e.path("metadata").path("event_id").asString("");
            if (!parent.isEmpty() && !ids.contains(parent) && !id.startsWith(parent + "/")) {
                out.add("parent " + parent + " of " + id + " is neither a unit of the log nor a path before it");
            }
        }
        for (String k : COUNTS) {
            if (tokens.get(k).longValue() != sums.getOrDefault(k, 0L)) {
                out.add("tokens.json " + k + " " + tokens.get(k) + " != the log's " + sums.getOrDefault(k, 0L));
            }
        }
        if (tokens.get("unpriced_tokens").longValue() != unpriced) {
            out.add("tokens.json unpriced_tokens " + tokens.get("unpriced_tokens") + " != the log's " + unpriced);
        }
        groupFindings("by_model", tokens, byModel, out);
        groupFindings("by_phase", tokens, byPhase, out);
        BigDecimal written = tokens.get("cost_usd").isNull() ? BigDecimal.ZERO : tokens.get("cost_usd").decimalValue();
        if (written.subtract(cost).abs().compareTo(new BigDecimal("1e-10")) > 0) {
            out.add("tokens.json cost_usd " + written + " != the log's records priced " + cost);
        }
        for (String k : List.of("input_tokens", "output_tokens", "cost_usd", "by_phase", "by_operation", "by_model")) {
            if (!tokens.get(k).equals(metrics.get(k))) {
                out.add("metrics.json " + k + " differs from tokens.json's");
            }
        }
        return out;
    }

    private static void groupFindings(String name, JsonNode tokens, Map<String, Long> expected, List<String> out) {
        Map<String, Long> written = new LinkedHashMap<>();
        tokens.get(name).properties().forEach(g -> written.put(g.getKey(), g.getValue().get("tokens").longValue()));
        if (!written.equals(expected)) {
            out.add("tokens.json " + name + " " + written + " != the log's " + expected);
        }
    }
}
