package dev.sigil.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random but reproducible entries for the cross-language test: messages and metadata made of the sanitization
 * corpus, awkward text (control characters, astral and lone surrogates, quotes), numbers CPython and Java print
 * differently unless done right, nesting, secret-named keys, usage records (one in four breaking a usage rule), and
 * about one entry in four that must be refused.
 */
final class CompatScript {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] KEYS = {"intent", "memories_count", "strategy", "contract", "steps_count", "nested", "list",
        "api_key", "apiKey", "password", "db_password", "session_token", "max_tokens", "token", "alice@example.com",
        "bob@example.com", "cc 4111111111111111", "\u00e9t\u00e9", "a/b~c", "", "Authorization"};

    private final Random rnd;
    private final List<String> corpus;
    private long tick = 1_768_126_532_000_000L;

    CompatScript(Random rnd, List<String> corpus) {
        this.rnd = rnd;
        this.corpus = corpus;
    }

    List<ObjectNode> logOps(int count) {
        List<ObjectNode> ops = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode op = NODES.objectNode().put("op", "log").put("at_micros", nextMicros());
            op.put("event_type", pick(EventType.values()).wireName());
            op.put("component", pick(Component.values()).wireName());
            op.put("message", text());
            op.put("tokens", rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(5000));
            op.set("metadata", metadata());
            ops.add(op);
        }
        return ops;
    }

    /** Quarter-second ticks, a third of them nudged by odd microseconds: every fourth plain tick is a whole second (no fraction). */
    long nextMicros() {
        tick += 250_000;
        return tick + (rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(249_999) : 0);
    }

    private <T> T pick(T[] values) {
        return values[rnd.nextInt(values.length)];
    }

    String text() {
        return switch (rnd.nextInt(6)) {
            case 0, 1 -> corpus.get(rnd.nextInt(corpus.size()));
            case 2 -> corpus.get(rnd.nextInt(corpus.size())) + "\n" + corpus.get(rnd.nextInt(corpus.size()));
            case 3 -> awkward();
            default -> "Step " + rnd.nextInt(100) + ": " + corpus.get(rnd.nextInt(corpus.size()));
        };
    }

    private String awkward() {
        StringBuilder s = new StringBuilder();
        int n = rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            switch (rnd.nextInt(8)) {
                case 0 -> s.append((char) rnd.nextInt(0x20));
                case 1 -> s.append("\"\\/\u007f");
                case 2 -> s.appendCodePoint(0x1F600 + rnd.nextInt(50));
                case 3 -> s.append((char) (0xD800 + rnd.nextInt(0x800)));
                case 4 -> s.append((char) (0x00A0 + rnd.nextInt(0x500)));
                case 5 -> s.append("\u2028\u0085\ufeff");
                default -> s.append((char) (0x20 + rnd.nextInt(0x5f)));
            }
        }
        return s.toString();
    }

    private ObjectNode metadata() {
        ObjectNode m = NODES.objectNode();
        switch (rnd.nextInt(15)) {
            case 13 -> attribution(m, false);
            case 14 -> attribution(m, true);
            case 0 -> m.put("latency_ms", "fast");
            case 1 -> m.put("budget", -5);
            case 2 -> m.put("warning_level", "bogus");
            case 3 -> m.put("score", rnd.nextBoolean() ? Double.NaN : Double.NEGATIVE_INFINITY);
            case 4, 5 -> m.set("tokens_used", usage(false));
            case 6 -> m.set("tokens_used", usage(true));
            default -> {
                m.put("latency_ms", rnd.nextInt(5000) + (rnd.nextBoolean() ? 0.5 : 0.0));
                if (rnd.nextBoolean()) {
                    m.put("budget_remaining", rnd.nextInt(256_000));
                }
            }
        }
        int extra = rnd.nextInt(5);
        for (int i = 0; i < extra; i++) {
            m.set(pick(KEYS), value(2));
        }
        return m;
    }

    /** The attribution keys of docs/contract.md §5.2 as sigil orchestrate writes them; {@code broken}: one id not allowed. */
    private void attribution(ObjectNode m, boolean broken) {
        int run = 1 + rnd.nextInt(3);
        m.put("event_id", broken && rnd.nextBoolean() ? "run " + run : "run-" + run + "/plan_execution/step_" + rnd.nextInt(9));
        m.put("parent_id", broken ? "caf\u00e9" : "run-" + run + "/plan_execution");
        m.put("correlation_id", "compat/run-" + run);
        m.put("phase", "plan_execution");
        if (rnd.nextBoolean()) {
            m.put(rnd.nextBoolean() ? "budget_usd" : "cost_usd", broken ? -1.5 : rnd.nextInt(100) / 8.0);
        }
    }

    /** A usage record with every count; {@code broken}: one of the rules beyond the schema broken. */
    private ObjectNode usage(boolean broken) {
        long in = rnd.nextInt(300_000);
        long out = rnd.nextInt(8_000);
        long read = in == 0 ? 0 : rnd.nextLong(in + 1);
        long write = in == read ? 0 : rnd.nextLong(in - read + 1);
        long oneHour = write == 0 ? 0 : rnd.nextLong(write + 1);
        long reasoning = out == 0 ? 0 : rnd.nextLong(out + 1);
        int rule = broken ? rnd.nextInt(4) : -1;
        ObjectNode u = NODES.objectNode();
        u.put("input_tokens", in);
        u.put("output_tokens", out);
        u.put("total_tokens", in + out + (rule == 0 ? 1 : 0));
        u.put("model", pick(new String[] {"anthropic:claude-opus-4-5-20251101", "openai:gpt-4o", "google:gemini-2.5-pro"}));
        u.put("cache_read_tokens", rule == 1 ? in + 1 : read);
        u.put("cache_write_tokens", write);
        u.put("cache_write_1h_tokens", rule == 2 ? write + 1 : oneHour);
        u.put("reasoning_tokens", rule == 3 ? out + 1 : reasoning);
        return u;
    }

    private JsonNode value(int depth) {
        return switch (rnd.nextInt(depth > 0 ? 9 : 7)) {
            case 0 -> NODES.stringNode(text());
            case 1 -> NODES.numberNode(rnd.nextInt(2000) - 1000);
            case 2 -> NODES.numberNode(number());
            case 3 -> NODES.numberNode(new java.math.BigInteger(60 + rnd.nextInt(40), rnd).multiply(java.math.BigInteger.valueOf(rnd.nextBoolean() ? 1 : -1)));
            case 4 -> NODES.booleanNode(rnd.nextBoolean());
            case 5 -> rnd.nextBoolean() ? NODES.nullNode() : NODES.numberNode(4111111111111111L);
            case 6 -> NODES.stringNode(corpus.get(rnd.nextInt(corpus.size())));
            case 7 -> {
                ArrayNode a = NODES.arrayNode();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    a.add(value(depth - 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = NODES.objectNode();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    o.set(pick(KEYS), value(depth - 1));
                }
                yield o;
            }
        };
    }

    /** Doubles whose shortest repr is easy to get wrong: tiny, huge, near powers of ten, negative zero, random bits. */
    private double number() {
        return switch (rnd.nextInt(7)) {
            case 0 -> Double.longBitsToDouble(rnd.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL) * (rnd.nextBoolean() ? 1 : -1);
            case 1 -> 1e16;
            case 2 -> 1e-5 * rnd.nextInt(100);
            case 3 -> -0.0;
            case 4 -> 5e-324;
            case 5 -> 0.1 + 0.2;
            default -> rnd.nextDouble() * 1000;
        };
    }
}
