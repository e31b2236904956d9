package dev.sigil.contract.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.testing.FormatFixtureLines;
import dev.sigil.testing.JsonArbitraries;
import dev.sigil.testing.JsonTextArbitraries;
import dev.sigil.testing.JsonTexts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;

/**
 * A format's fast path (the line read from its bytes into the tree its projection keeps) gives the events the
 * definition gives on the whole line, for every built-in format, on the fixtures' lines, on those lines with any
 * value put anywhere (wrong types, nulls, nested values, repeated keys, escapes), and on any JSON text.
 */
class FastProjectionProperties {

    private static final PythonJsonReader READER = new PythonJsonReader();
    private static final List<JsonNode> FIXTURE_LINES = FormatFixtureLines.objects();
    private static final FastProjection SCANNER = new FastProjection();

    @Provide
    Arbitrary<byte[]> lines() {
        Arbitrary<JsonNode> fixtures = Arbitraries.of(FIXTURE_LINES);
        Arbitrary<JsonNode> changed = Arbitraries.of(FIXTURE_LINES).flatMap(line -> JsonArbitraries.values(2).flatMap(v ->
                Arbitraries.integers().between(0, 1000).map(seed -> FormatFixtureLines.changeOne(line, v, seed))));
        return Arbitraries.oneOf(JsonTexts.of(fixtures), JsonTexts.of(changed), JsonTexts.of(JsonArbitraries.values(2)), JsonTextArbitraries.lines());
    }

    @net.jqwik.api.Example
    void aNumericLevelBeyondADoubleIsTheTopOfItsScaleNotACrash() {
        String text = "{\"level\":" + "9".repeat(400) + ",\"time\":1772442000397,\"pid\":1,\"msg\":\"x\"}";
        FormatDefinition pino = BuiltinFormats.all().stream().filter(d -> d.name().equals("pino")).findFirst().orElseThrow();
        List<Mapped> exact = pino.readAsDefined(READER.read(text));
        assertThat(exact.get(0).event().level()).isEqualTo(dev.sigil.contract.event.Level.CRITICAL);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        List<Mapped> fast = pino.readFast(b, 0, b.length, SCANNER);
        assertThat(fast == null ? exact : fast).extracting(Mapped::event).isEqualTo(exact.stream().map(Mapped::event).toList());
    }

    @Property(tries = 1500)
    void theFastPathGivesTheEventsOfTheWholeLine(@ForAll("lines") byte[] line) {
        JsonNode whole;
        try {
            whole = READER.read(line);
        } catch (JsonSyntaxException e) {
            for (FormatDefinition d : BuiltinFormats.all()) {
                assertThat(d.readFast(line, 0, line.length, SCANNER)).as("fast path read a line CPython refuses: %s",
                        new String(line, StandardCharsets.UTF_8)).isNull();
            }
            return;
        }
        for (FormatDefinition d : BuiltinFormats.all()) {
            if (d.nativeDecoder()) {
                continue;
            }
            List<Mapped> expected = whole.isObject() ? d.readAsDefined(whole) : null;
            List<Mapped> fast = d.readFast(line, 0, line.length, SCANNER);
            if (expected != null) {
                Statistics.label("recognised").collect(fast != null ? "fast" : "exact");
            }
            if (fast != null) {
                assertThat(fast).as("%s: %s", d.name(), new String(line, StandardCharsets.UTF_8)).isEqualTo(expected);
            }
        }
    }
}
