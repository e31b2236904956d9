package dev.sigil.cost;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Reads the parts of price data (match rules, rates, conditional prices) from JSON values, reporting each problem
 * with the JSON pointer of the value. The snapshot and the override files are both read with it: the snapshot
 * leniently, as genai-prices reads its own data (a price key no unit prices is ignored), the overrides strictly
 * (one rule per match, known price keys only, every price a model's pricing needs). Numbers must be decimals
 * (BigDecimal nodes); they are kept exact.
 */
final class PriceDataParser {

    /** Where problems go. */
    @FunctionalInterface
    interface Problems {
        void add(String pointer, String message);
    }

    /** JavaScript's precedence when a match object has several keys; strict reading allows one. */
    private static final List<String> MATCH_KEYS = List.of("or", "and", "equals", "starts_with", "ends_with", "contains", "regex");
    private static final Pattern TIME = Pattern.compile("([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]+))?(Z|([+-])([0-9]{2}):([0-9]{2}))");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final BigDecimal DAY = BigDecimal.valueOf(86_400);

    private final Units units;
    private final boolean strict;
    private final Problems problems;

    PriceDataParser(Units units, boolean strict, Problems problems) {
        this.units = units;
        this.strict = strict;
        this.problems = problems;
    }

    /** A match rule; empty (and a problem) if it is not one. */
    Optional<MatchRule> match(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            return fail(at, "a match rule must be a mapping with one of " + String.join(", ", MATCH_KEYS));
        }
        List<String> keys = new ArrayList<>();
        node.propertyNames().forEach(keys::add);
        if (strict && (keys.size() != 1 || !MATCH_KEYS.contains(keys.get(0)))) {
            return fail(at, "a match rule has exactly one of " + String.join(", ", MATCH_KEYS) + "; found " + String.join(", ", keys));
        }
        for (String key : MATCH_KEYS) {
            JsonNode v = node.get(key);
            if (v == null) {
                continue;
            }
            String here = at + "/" + key;
            if (key.equals("or") || key.equals("and")) {
                if (!v.isArray() || strict && v.isEmpty()) {
                    return fail(here, key + " needs a list of match rules");
                }
                List<MatchRule> rules = new ArrayList<>();
                for (int i = 0; i < v.size(); i++) {
                    Optional<MatchRule> r = match(v.get(i), here + "/" + i);
                    if (r.isEmpty()) {
                        return Optional.empty();
                    }
                    rules.add(r.get());
                }
                return Optional.of(key.equals("or") ? new MatchRule.Or(rules) : new MatchRule.And(rules));
            }
            if (!v.isString()) {
                return fail(here, key + " needs a text");
            }
            String text = v.stringValue();
            return switch (key) {
                case "equals" -> Optional.of(new MatchRule.Text(MatchRule.Op.EQUALS, text));
                case "starts_with" -> Optional.of(new MatchRule.Text(MatchRule.Op.STARTS_WITH, text));
                case "ends_with" -> Optional.of(new MatchRule.Text(MatchRule.Op.ENDS_WITH, text));
                case "contains" -> Optional.of(new MatchRule.Text(MatchRule.Op.CONTAINS, text));
                default -> regex(text, here);
            };
        }
        return Optional.of(new MatchRule.Or(List.of())); // none of the keys: genai-prices' rule that matches nothing
    }

    private Optional<MatchRule> regex(String source, String at) {
        try {
            return Optional.of(MatchRule.Regex.of(source));
        } catch (IllegalArgumentException e) {
            return fail(at, e.getMessage());
        }
    }

    /** A model's prices: one set (a mapping of price keys), or a list of {prices, constraint} in the data's order. */
    Optional<List<ConditionalPrice>> prices(JsonNode node, String at) {
        if (node != null && node.isObject()) {
            return priceSet(node, at).map(set -> List.of(new ConditionalPrice(Optional.empty(), set)));
        }
        if (node == null || !node.isArray() || node.isEmpty()) {
            return fail(at, "prices must be a mapping of price keys (input_mtok, output_mtok, ...) or a list of {prices, constraint}");
        }
        List<ConditionalPrice> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String here = at + "/" + i;
            if (!item.isObject() || !item.has("prices")) {
                return fail(here, "each conditional price is a mapping with prices and, but for the default, a constraint");
            }
            Optional<PriceSet> set = priceSet(item.get("prices"), here + "/prices");
            Optional<Constraint> constraint = item.has("constraint") ? constraint(item.get("constraint"), here + "/constraint") : Optional.empty();
            if (set.isEmpty() || item.has("constraint") && constraint.isEmpty()) {
                return Optional.empty();
            }
            out.add(new ConditionalPrice(constraint, set.get()));
        }
        return Optional.of(out);
    }

    private Optional<PriceSet> priceSet(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            return fail(at, "prices must be a mapping of price keys to prices");
        }
        Map<String, Rate> rates = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        boolean ok = true;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String here = at + "/" + e.getKey();
            if (units.byPriceKey(e.getKey()).isEmpty()) {
                if (strict) {
                    ok = false;
                    problems.add(here, "unknown price key " + e.getKey() + " (known: input_mtok, output_mtok, cache_read_mtok, "
                            + "cache_write_mtok, cache_write_1h_mtok, output_reasoning_mtok, requests_kcount, ... : docs/cost.md)");
                } else {
                    ignored.add(e.getKey());
                }
                continue;
            }
            Optional<Rate> rate = rate(e.getValue(), here);
            ok &= rate.isPresent();
            rate.ifPresent(r -> rates.put(e.getKey(), r));
        }
        if (!ok) {
            return Optional.empty();
        }
        if (strict) {
            List<String> missing = PriceSetRules.missing(units, rates.keySet());
            if (!missing.isEmpty()) {
                return fail(at, String.join("; ", missing));
            }
        }
        return Optional.of(new PriceSet(rates, ignored));
    }

    /** A price: a non-negative number, or {base, tiers: [{start, price}]}. */
    Optional<Rate> rate(JsonNode node, String at) {
        Optional<BigDecimal> flat = money(node);
        if (flat.isPresent()) {
            return Optional.of(new Rate.Flat(flat.get()));
        }
        String expected = "a price is a number of US dollars (0 or more), or {base: PRICE, tiers: [{start: INPUT_TOKENS, price: PRICE}, ...]}";
        if (node == null || !node.isObject() || money(node.get("base")).isEmpty() || !node.path("tiers").isArray()) {
            return fail(at, expected);
        }
        List<Rate.Tier> tiers = new ArrayList<>();
        JsonNode list = node.get("tiers");
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            JsonNode start = t.get("start");
            Optional<BigDecimal> price = money(t.get("price"));
            if (start == null || !start.isIntegralNumber() || start.bigIntegerValue().signum() < 0
                    || start.bigIntegerValue().bitLength() > 53 || price.isEmpty()) {
                return fail(at + "/tiers/" + i, "a tier is {start: INPUT_TOKENS (a whole number, 0 or more), price: PRICE}");
            }
            tiers.add(new Rate.Tier(start.longValue(), price.get()));
        }
        return Optional.of(new Rate.Tiered(money(node.get("base")).get(), tiers));
    }

    private static Optional<BigDecimal> money(JsonNode v) {
        if (v == null || !v.isNumber()) {
            return Optional.empty();
        }
        BigDecimal d = v.isIntegralNumber() ? new BigDecimal(v.bigIntegerValue()) : v.decimalValue();
        return d.signum() < 0 ? Optional.empty() : Optional.of(d);
    }

    /** A start date ({start_date: YYYY-MM-DD}) or a time of day ({start_time, end_time}), with or without its type. */
    Optional<Constraint> constraint(JsonNode node, String at) {
        String expected = "a constraint is {start_date: YYYY-MM-DD} or {start_time: \"HH:MM:SSZ\", end_time: \"HH:MM:SSZ\"} (UTC, or an offset)";
        if (node == null || !node.isObject()) {
            return fail(at, expected);
        }
        String type = node.path("type").asString("");
        if ((type.isEmpty() || type.equals("start_date")) && node.has("start_date")) {
            String date = node.get("start_date").asString("");
            try {
                if (DATE.matcher(date).matches()) {
                    return Optional.of(new Constraint.StartDate(date, LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant()));
                }
            } catch (DateTimeException notADate) {
                // reported below
            }
            return fail(at + "/start_date", "not a date: " + date + " (YYYY-MM-DD)");
        }
        if ((type.isEmpty() || type.equals("time_of_date")) && node.has("start_time") && node.has("end_time")) {
            Optional<BigDecimal> start = timeOfDay(node.get("start_time").asString(""));
            Optional<BigDecimal> end = timeOfDay(node.get("end_time").asString(""));
            if (start.isEmpty() || end.isEmpty()) {
                return fail(at, "not a time of day: " + (start.isEmpty() ? node.get("start_time") : node.get("end_time")) + " (HH:MM:SSZ or HH:MM:SS+HH:MM)");
            }
            return Optional.of(new Constraint.TimeOfDay(node.get("start_time").asString(), node.get("end_time").asString(), start.get(), end.get()));
        }
        return fail(at, expected);
    }

    /** Seconds after midnight UTC of a time with its zone, as genai-prices reads it. */
    static Optional<BigDecimal> timeOfDay(String text) {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        int s = Integer.parseInt(m.group(3));
        int oh = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
        int om = m.group(8) == null ? 0 : Integer.parseInt(m.group(8));
        if (h > 23 || min > 59 || s > 59 || oh > 23 || om > 59) {
            return Optional.empty();
        }
        BigDecimal seconds = BigDecimal.valueOf(h * 3600L + min * 60L + s);
        if (m.group(4) != null) {
            seconds = seconds.add(new BigDecimal("0." + m.group(4)));
        }
        long offset = (oh * 60L + om) * 60L * ("-".equals(m.group(6)) ? -1 : 1);
        return Optional.of(seconds.subtract(BigDecimal.valueOf(offset)).add(DAY).remainder(DAY));
    }

    private <T> Optional<T> fail(String at, String message) {
        problems.add(at, message);
        return Optional.empty();
    }
}
