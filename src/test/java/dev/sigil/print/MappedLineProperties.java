package dev.sigil.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.sigil.contract.codec.ByteSink;
import dev.sigil.contract.format.FastProjection;
import dev.sigil.contract.format.FormatDefinition;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.contract.format.Mapped;
import dev.sigil.contract.format.MappedLines;
import dev.sigil.testing.FormatFixtureLines;
import dev.sigil.testing.JsonArbitraries;
import dev.sigil.testing.JsonTexts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Tail's line of a mapped line written from what the line shows ({@link LineFields}, ADR 0290) is, byte for byte,
 * the line written from the events the format makes of it ({@link EventLine#write(dev.sigil.contract.event.LogEvent,
 * ByteSink)}), and the call it restates is the events': for every built-in format, on the fixtures' lines with one
 * value replaced by a text of any length around the cut (line breaks, escapes, pairs and lone surrogates, written
 * raw or escaped) or by any JSON value.
 */
class MappedLineProperties {

    private static final List<JsonNode> FIXTURE_LINES = FormatFixtureLines.objects();
    private static final List<FormatDefinition> FORMATS = FormatSet.builtIn().all();

    /** Texts around the cut of 1,000 characters, of the characters the line writes specially. */
    private static Arbitrary<String> texts() {
        Arbitrary<Character> special = Arbitraries.of('\n', '\r', '\t', '"', '\\', '/', '\b', '\f', '\u0000', '\u007f', 'é', '€',
                '\ud83d', '\ude00', '\udc00', '\ud800');
        Arbitrary<String> piece = Arbitraries.oneOf(special.map(String::valueOf), Arbitraries.of("\ud83d\ude00", "ab", "x", "日本"),
                Arbitraries.strings().ascii().ofMaxLength(40));
        Arbitrary<Integer> length = Arbitraries.oneOf(Arbitraries.integers().between(0, 30), Arbitraries.integers().between(985, 1010));
        return length.flatMap(n -> piece.list().ofMinSize(1).ofMaxSize(Math.max(1, n)).map(parts -> {
            StringBuilder s = new StringBuilder();
            for (String p : parts) {
                s.append(p);
            }
            while (s.length() < n) {
                s.append('a');
            }
            return s.toString();
        }));
    }

    @Provide
    Arbitrary<byte[]> lines() {
        Arbitrary<JsonNode> text = texts().map(t -> (JsonNode) JsonNodeFactory.instance.stringNode(t));
        Arbitrary<JsonNode> value = Arbitraries.oneOf(text, text, JsonArbitraries.values(2));
        Arbitrary<JsonNode> changed = Arbitraries.of(FIXTURE_LINES).flatMap(line -> value.flatMap(v ->
                Arbitraries.integers().between(0, 1000).map(seed -> FormatFixtureLines.changeOne(line, v, seed))));
        return JsonTexts.of(changed);
    }

    @Property(tries = 1500)
    void theLineFromWhatItShowsIsTheLineOfItsEvents(@ForAll("lines") byte[] line) {
        FastProjection scanner = new FastProjection();
        MappedLines lines = new MappedLines();
        for (FormatDefinition d : FORMATS) {
            if (!d.readsLines()) {
                continue;
            }
            boolean read = d.readLinesFast(line, 0, line.length, scanner, lines);
            List<Mapped> events = d.readFast(line, 0, line.length, scanner);
            assertThat(read).as("%s: %s", d.name(), new String(line, StandardCharsets.UTF_8)).isEqualTo(events != null);
            if (!read) {
                continue;
            }
            Statistics.label("read").collect(d.name());
            assertThat(lines.size()).isEqualTo(events.size());
            for (int i = 0; i < events.size(); i++) {
                ByteSink fromFields = new ByteSink(64);
                ByteSink fromEvent = new ByteSink(64);
                EventLine.write(lines.get(i), fromFields);
                EventLine.write(events.get(i).event(), fromEvent);
                assertThat(new String(fromFields.toByteArray(), StandardCharsets.UTF_8)).as("%s: %s", d.name(),
                        new String(line, StandardCharsets.UTF_8)).isEqualTo(new String(fromEvent.toByteArray(), StandardCharsets.UTF_8));
                assertThat(fromFields.toByteArray()).isEqualTo(fromEvent.toByteArray());
                assertThat(lines.get(i).callKey()).isEqualTo(events.get(i).callKey());
                if (lines.get(i).callKey() != null) {
                    assertThat(lines.get(i).usage()).isEqualTo(events.get(i).event().usage());
                }
            }
        }
    }
}
