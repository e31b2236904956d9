package dev.sigil.contract.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.event.Level;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.EventTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Any definition round-trips its own example lines: a definition is made at random (paths dotted or as pointers,
 * through wildcards and filters; timestamps of every kind; level names, tables and scales; prefixes; sums; durations
 * in every unit; a usage), an example line is written by putting chosen values where its paths point (with decoys the
 * wildcards and filters must pass over), the definition is read (its examples checked as any user's are), and reading
 * the example gives back the values chosen, from the parsed line and from its bytes ({@link FastProjection}) alike.
 */
class DefinitionRoundTripProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final PythonJsonReader READER = new PythonJsonReader();
    /** Characters of the texts put in lines: quotes, escapes, a line break, non-ASCII. */
    private static final String ALPHABET = "abc xyz.\u00e9\u4e2d\"\\/\n-_:";

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 600)
    void anyDefinitionRoundTripsItsOwnExampleLines(@ForAll("seeds") long seed) {
        Case c = new Case(new Random(seed));
        byte[] definition = c.definition.toString().getBytes(StandardCharsets.UTF_8);
        DefinitionReader.Result r = DefinitionReader.read("generated.json", definition);
        assertThat(r.errors()).as("seed %d: %s", seed, c.definition).isEmpty();
        List<Mapped> read = r.definition().read(READER.read(c.line.toString()));
        assertThat(read).as("seed %d recognises %s", seed, c.line).hasSize(1);
        byte[] bytes = c.line.toString().getBytes(StandardCharsets.UTF_8);
        List<Mapped> fast = r.definition().readFast(bytes, 0, bytes.length, new FastProjection());
        assertThat(fast).as("seed %d: the fast path of %s", seed, c.line).isEqualTo(read);
        LogEvent e = read.get(0).event();
        assertThat(e.message()).isEqualTo(c.message);
        assertThat(e.component()).isEqualTo(c.component);
        assertThat(e.sessionId()).isEqualTo(c.session);
        assertThat(e.level()).isEqualTo(c.level);
        assertThat(EventTime.parse(e.timestamp()).micros()).as("timestamp %s", e.timestamp()).isEqualTo(c.micros);
        assertThat(e.latencyMs()).isCloseTo(c.millis, within(Math.abs(c.millis) * 1e-12 + 1e-9));
        assertThat(e.usage().model()).isEqualTo(c.model);
        assertThat(e.usage().inputTokens()).isEqualTo(c.input);
        assertThat(e.usage().outputTokens()).isEqualTo(c.output);
        assertThat(e.usage().cacheReadTokens()).isEqualTo(c.cacheRead);
        assertThat(e.tokens()).isEqualTo(c.input + c.output);
    }

    /** A definition, a line of it, and what the line says. */
    private static final class Case {
        final Random rnd;
        final ObjectNode definition = NODES.objectNode();
        final ObjectNode line = NODES.objectNode();
        final ObjectNode fields = NODES.objectNode();
        int names;
        String message;
        String component;
        String session;
        Level level;
        long micros;
        double millis;
        String model;
        long input;
        long output;
        long cacheRead;

        Case(Random rnd) {
            this.rnd = rnd;
            definition.put("name", "gen-" + Integer.toHexString(rnd.nextInt(1 << 20)));
            definition.set("fields", fields);
            message = text();
            fields.set("message", spec(place(message), rnd.nextBoolean()));
            String prefix = rnd.nextBoolean() ? "" : "p" + rnd.nextInt(9) + ":";
            String raw = text();
            component = prefix + raw;
            ObjectNode c = NODES.objectNode();
            c.put("path", place(raw));
            if (!prefix.isEmpty()) {
                c.put("prefix", prefix);
            }
            fields.set("component", c);
            session = text();
            fields.set("session", NODES.arrayNode().add(name()).add(place(session))); // the first alternative is absent
            timestamp();
            level();
            duration();
            usage();
            ObjectNode match = definition.putObject("match");
            match.putArray("present").add(fields.get("component").get("path"));
            String marker = name();
            line.put(marker, 7);
            match.putObject("equals").put(marker, 7);
            definition.putArray("examples").add(line.toString());
        }

        /** A spec of one path, as the path alone or as {path: ...}. */
        private JsonNode spec(String path, boolean object) {
            return object ? NODES.objectNode().put("path", path) : NODES.stringNode(path);
        }

        private void timestamp() {
            micros = (946_684_800L + (long) (rnd.nextDouble() * 3_000_000_000L)) * 1_000_000L + rnd.nextInt(1_000_000);
            String kind = List.of("iso8601", "epoch_s", "epoch_ms", "epoch_us", "epoch_ns").get(rnd.nextInt(5));
            JsonNode value;
            switch (kind) {
                case "epoch_s" -> {
                    micros -= Math.floorMod(micros, 1_000_000L);
                    value = NODES.numberNode(micros / 1_000_000L);
                }
                case "epoch_ms" -> {
                    micros -= Math.floorMod(micros, 1000L);
                    value = NODES.numberNode(micros / 1000L);
                }
                case "epoch_us" -> value = rnd.nextBoolean() ? NODES.numberNode(micros) : NODES.stringNode(Long.toString(micros));
                case "epoch_ns" -> value = NODES.stringNode(micros + "000");
                default -> {
                    java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                            (int) Math.floorMod(micros, 1_000_000L) * 1000, java.time.ZoneOffset.UTC);
                    value = NODES.stringNode(String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d.%06d+00:00", t.getYear(), t.getMonthValue(),
                            t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1000));
                }
            }
            String path = place(value);
            fields.set("timestamp", NODES.objectNode().put("path", path).put("kind", kind));
        }

        private void level() {
            level = Level.values()[rnd.nextInt(Level.values().length)];
            ObjectNode spec = NODES.objectNode();
            switch (rnd.nextInt(3)) {
                case 0 -> spec.put("path", place(NODES.stringNode(rnd.nextBoolean() ? level.wireName() : level.name())));
                case 1 -> {
                    String alias = "lvl" + rnd.nextInt(1000);
                    spec.put("path", place(NODES.stringNode(alias)));
                    spec.putObject("map").put(alias, level.wireName());
                }
                default -> {
                    int floor = (level.ordinal() + 1) * 10;
                    spec.put("path", place(NODES.numberNode(floor + rnd.nextInt(10))));
                    spec.put("scale", "pino");
                }
            }
            fields.set("level", spec);
        }

        private void duration() {
            String unit = List.of("ns", "us", "ms", "s").get(rnd.nextInt(4));
            long v = rnd.nextInt(5_000_000);
            millis = v * switch (unit) {
                case "ns" -> 1e-6;
                case "us" -> 1e-3;
                case "s" -> 1000.0;
                default -> 1.0;
            };
            fields.set("duration", NODES.objectNode().put("path", place(NODES.numberNode(v))).put("unit", unit));
        }

        private void usage() {
            ObjectNode usage = definition.putObject("usage");
            int parts = 1 + rnd.nextInt(3);
            ArrayNode sum = usage.putObject("input").putArray("sum");
            input = 0;
            for (int i = 0; i < parts; i++) {
                long n = rnd.nextInt(100_000);
                input += n;
                sum.add(place(NODES.numberNode(n)));
                if (i == 0) {
                    cacheRead = n / 2;
                }
            }
            output = rnd.nextInt(20_000);
            usage.put("output", place(NODES.numberNode(output)));
            usage.put("cache_read", place(NODES.numberNode(cacheRead)));
            String id = "model-" + rnd.nextInt(100);
            usage.put("model", place(NODES.stringNode(id)));
            usage.putObject("provider").put("constant", "acme");
            model = "acme:" + id;
        }

        private String text() {
            StringBuilder s = new StringBuilder();
            int n = 1 + rnd.nextInt(12);
            for (int i = 0; i < n; i++) {
                s.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
            }
            return s.toString();
        }

        private String name() {
            return "k" + (names++) + "abcdefgh".substring(0, rnd.nextInt(8));
        }

        private String place(String text) {
            return place(NODES.stringNode(text));
        }

        /**
         * Puts {@code value} at a new place in the line and returns the path to it: nested objects, an array reached
         * by index, by {@code *} past a decoy element, or by a {@code [key=value]} filter past a decoy, written as a
         * dotted path or, with a dot in a name, as a pointer.
         */
        private String place(JsonNode value) {
            List<String> dotted = new ArrayList<>();
            List<String> pointer = new ArrayList<>();
            boolean asPointer = rnd.nextInt(4) == 0;
            ObjectNode at = line;
            int depth = 1 + rnd.nextInt(3);
            for (int d = 0; d < depth; d++) {
                String name = name();
                if (asPointer && rnd.nextBoolean()) {
                    name = name + ".x/~y"; // a name only a pointer can say
                }
                boolean last = d == depth - 1;
                int how = asPointer ? (rnd.nextBoolean() ? 0 : 3) : rnd.nextInt(4);
                if (how == 1 && !last) {
                    ArrayNode a = at.putArray(name);
                    a.add(NODES.objectNode().put("decoy", true));
                    ObjectNode next = a.addObject();
                    dotted.add(name + ".*");
                    at = next;
                    continue;
                }
                if (how == 2 && !last) {
                    ArrayNode a = at.putArray(name);
                    a.addObject().put("kind", "other");
                    ObjectNode next = a.addObject().put("kind", "this");
                    dotted.add(name + "[kind=this]");
                    at = next;
                    continue;
                }
                if (how == 3 && !last) {
                    ArrayNode a = at.putArray(name);
                    a.add(NODES.nullNode());
                    ObjectNode next = a.addObject();
                    dotted.add(name + ".1");
                    pointer.add(name.replace("~", "~0").replace("/", "~1"));
                    pointer.add("1");
                    at = next;
                    continue;
                }
                dotted.add(name);
                pointer.add(name.replace("~", "~0").replace("/", "~1"));
                if (last) {
                    at.set(name, value);
                } else {
                    at = at.putObject(name);
                }
            }
            return asPointer ? "/" + String.join("/", pointer) : String.join(".", dotted);
        }
    }
}
