package dev.sigil.cost;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

/**
 * Generated price queries for the compat test: for every model of the snapshot, ids its own rules match (and some
 * they do not: other case, a compact date, a suffix), under its provider, under no provider, and under names that
 * only a provider rule knows; usage that crosses every tier of the model (a tier is above its start, so the start
 * and one more are both tried), with cache and reasoning counts set and unset; timestamps across the years and at
 * each side of every conditional price's date and time of day. Plus models and providers that do not exist.
 */
final class PriceQueries {

    /**
     * One query.
     *
     * @param provider the provider id, or null to let the model id find it
     * @param model the model id
     * @param input input tokens (cache included)
     * @param output output tokens (reasoning included)
     * @param cacheRead cache reads, if stated
     * @param cacheWrite cache writes, if stated
     * @param cacheWrite1h one-hour cache writes, if stated
     * @param reasoning reasoning tokens, if stated
     * @param at when the call was made
     * @param from which model of the snapshot it was made from ("" for none)
     */
    record Query(String provider, String model, long input, long output, OptionalLong cacheRead, OptionalLong cacheWrite,
                 OptionalLong cacheWrite1h, OptionalLong reasoning, Instant at, String from) {
    }

    private static final Instant EARLIEST = Instant.parse("2023-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2027-12-31T23:59:59Z");

    private final Random rnd;
    private final PriceCatalog catalog;

    PriceQueries(Random rnd, PriceCatalog catalog) {
        this.rnd = rnd;
        this.catalog = catalog;
    }

    List<Query> all() {
        List<Query> out = new ArrayList<>();
        for (ProviderPrice p : catalog.providers()) {
            for (ModelPrice m : p.models()) {
                List<String> ids = new ArrayList<>(examples(m));
                for (String id : ids) {
                    out.add(query(p.id(), id, m));
                }
                out.add(query(p.id(), ids.get(rnd.nextInt(ids.size())), m));
                out.add(query(rnd.nextInt(4) == 0 ? null : aliasOf(p), ids.get(0), m));
                // Tiers and conditional prices have edges to cross: more calls where they are.
                boolean edges = m.conditional() || m.prices().stream().anyMatch(c -> c.prices().tiered());
                for (int i = 0; edges && i < 12; i++) {
                    out.add(query(p.id(), m.id(), m));
                }
            }
        }
        for (String[] odd : new String[][] {{"anthropic", "claude-nonexistent-9"}, {"mycorp", "internal-llm-7b"}, {"openai", "gpt-unknown"},
            {null, "no-such-model"}, {"litellm", "openai/gpt-4o"}, {"litellm", "anthropic/claude-sonnet-4-5"}, {"litellm", "gpt-4o"},
            {"LiteLLM", "mycorp/x"}, {"OpenAI", " GPT-4o "}, {"google", "gemini-2.5-pro-20250101"}, {"vertex", "gemini-2.5-flash"},
            {"bedrock", "anthropic.claude-3-5-sonnet-20240620-v1:0"}, {null, "gpt-4o"}, {null, "claude-opus-4-5"}, {"", "gpt-4o"}}) {
            for (int i = 0; i < 5; i++) {
                out.add(query(odd[0], odd[1], null));
            }
        }
        return out;
    }

    /** Ids the model's rule matches, as far as they can be written from it, and variants of them. */
    private Set<String> examples(ModelPrice m) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(m.id());
        examples(m.match(), ids);
        List<String> base = new ArrayList<>(ids);
        for (String id : base) {
            if (rnd.nextInt(3) == 0) {
                ids.add(id.toUpperCase(Locale.ROOT));
            }
            String compact = id.replaceAll("-(20[0-9]{2})-([0-9]{2})-([0-9]{2})", "-$1$2$3");
            if (!compact.equals(id)) {
                ids.add(compact);
            }
            if (rnd.nextInt(4) == 0) {
                ids.add(id + "-20250230"); // not a date: left as it is
            }
        }
        return ids;
    }

    private void examples(MatchRule rule, Set<String> ids) {
        if (rule instanceof MatchRule.Text t) {
            switch (t.op()) {
                case EQUALS -> ids.add(t.text());
                case STARTS_WITH -> {
                    ids.add(t.text());
                    ids.add(t.text() + "-20250514");
                }
                case ENDS_WITH -> ids.add("x-" + t.text());
                case CONTAINS -> ids.add("pre-" + t.text() + "-post");
            }
        } else if (rule instanceof MatchRule.Or or) {
            or.any().forEach(r -> examples(r, ids));
        } else if (rule instanceof MatchRule.And and) {
            // a regular expression has no general example: the texts of the other rules stand in for it
            and.all().stream().filter(r -> !(r instanceof MatchRule.Regex)).forEach(r -> examples(r, ids));
        }
    }

    /** The provider's id, or a name its provider rule accepts. */
    private String aliasOf(ProviderPrice p) {
        if (p.providerMatch().orElse(null) instanceof MatchRule.Text t) {
            return t.op() == MatchRule.Op.CONTAINS ? "my-" + t.text() : t.op() == MatchRule.Op.EQUALS ? t.text().toUpperCase(Locale.ROOT) : p.id();
        }
        return p.id();
    }

    private Query query(String provider, String id, ModelPrice m) {
        long input = input(m);
        long output = rnd.nextInt(10) == 0 ? 0 : rnd.nextInt(8) == 0 ? rnd.nextLong(500_000) : rnd.nextLong(8_000);
        long read = rnd.nextInt(3) == 0 ? 0 : (long) (input * rnd.nextDouble());
        long write = rnd.nextInt(3) == 0 ? 0 : (long) ((input - read) * rnd.nextDouble());
        long oneHour = rnd.nextBoolean() ? 0 : (long) (write * rnd.nextDouble());
        long reasoning = rnd.nextBoolean() ? 0 : (long) (output * rnd.nextDouble());
        return new Query(provider, id, input, output, maybe(read), maybe(write, oneHour > 0), maybe(oneHour), maybe(reasoning),
                at(m), m == null ? "" : m.id());
    }

    /** Input tokens at and just above each tier start of the model, or anywhere from 0 to two million. */
    private long input(ModelPrice m) {
        List<Long> starts = new ArrayList<>();
        if (m != null) {
            m.prices().forEach(c -> c.prices().rates().values().forEach(r -> {
                if (r instanceof Rate.Tiered t) {
                    t.tiers().forEach(tier -> starts.add(tier.start()));
                }
            }));
        }
        if (!starts.isEmpty() && rnd.nextInt(3) > 0) {
            return Math.max(0, starts.get(rnd.nextInt(starts.size())) + rnd.nextInt(3) - 1);
        }
        return switch (rnd.nextInt(6)) {
            case 0 -> 0;
            case 1 -> rnd.nextLong(2_000_000);
            default -> rnd.nextLong(300_000);
        };
    }

    /** Anywhere from 2023 to 2027, or at each side of one of the model's constraints. */
    private Instant at(ModelPrice m) {
        List<Constraint> constraints = new ArrayList<>();
        if (m != null) {
            m.prices().forEach(c -> c.constraint().ifPresent(constraints::add));
        }
        if (!constraints.isEmpty() && rnd.nextInt(4) > 0) {
            Constraint c = constraints.get(rnd.nextInt(constraints.size()));
            long[] nudges = {0, 1, -1, 999, -999, 86_400_000L, -86_400_000L};
            long nudge = nudges[rnd.nextInt(nudges.length)];
            if (c instanceof Constraint.StartDate s) {
                return s.from().plusMillis(nudge).plusNanos(rnd.nextInt(3) == 0 ? rnd.nextInt(1000) * 1000L : 0);
            }
            Constraint.TimeOfDay t = (Constraint.TimeOfDay) c;
            BigDecimal seconds = rnd.nextBoolean() ? t.start() : t.end();
            LocalDate day = LocalDate.of(2024 + rnd.nextInt(3), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
            return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusMillis(seconds.movePointRight(3).longValue() + nudge % 86_400_000L)
                    .plusNanos(rnd.nextInt(3) == 0 ? rnd.nextInt(1000) * 1000L : 0);
        }
        long span = LATEST.toEpochMilli() - EARLIEST.toEpochMilli();
        return EARLIEST.plusMillis(rnd.nextLong(span)).plusNanos(rnd.nextInt(1000) * 1000L);
    }

    /** A count as a producer states it: written when not zero, and now and then when it is. */
    private OptionalLong maybe(long n) {
        return n > 0 || rnd.nextInt(3) == 0 ? OptionalLong.of(n) : OptionalLong.empty();
    }

    private OptionalLong maybe(long n, boolean required) {
        return required ? OptionalLong.of(n) : maybe(n);
    }
}
