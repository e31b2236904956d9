package dev.sigil.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.LogEventDecoder;
import dev.sigil.contract.format.Choice;
import dev.sigil.contract.format.FormatSet;
import dev.sigil.contract.format.Mapped;
import dev.sigil.contract.format.Sniff;
import dev.sigil.print.FastLineFormat;
import dev.sigil.print.LineFormat;
import dev.sigil.testing.EntryArbitraries;
import dev.sigil.testing.JsonArbitraries;
import dev.sigil.testing.JsonTextArbitraries;
import dev.sigil.testing.JsonTexts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The tailer's fast paths answer only for lines the file's format gives to the native dialects, and then give what
 * the formats give: whatever a file was found to be (nothing yet, sigil's, seed 002's, another producer's), a line's
 * entry from {@link LineDecoder} with its fast paths (the event from the bytes, the line format from the bytes) has
 * the events that {@link Choice#read} gives the parsed line, and its rendering is the jq line of it.
 */
class DecodeFormatsProperties {

    private static final PythonJsonReader READER = new PythonJsonReader();
    /** One choice per kind of file: found from the fixtures' first lines. */
    private static final List<Choice> CHOICES = foundChoices();

    private static List<Choice> foundChoices() {
        List<Choice> out = new ArrayList<>();
        out.add(FormatSet.builtIn().initial());
        for (String f : List.of("sigil.jsonl", "operation-log.jsonl", "pino.jsonl", "structlog.jsonl", "openai-chat.jsonl")) {
            Sniff sniff = FormatSet.builtIn().sniff();
            try {
                for (String line : Files.readAllLines(Path.of("contract/formats/fixtures", f))) {
                    try {
                        sniff.offer(READER.read(line), line.length());
                    } catch (JsonSyntaxException notJson) {
                        // a text line among the JSON ones
                    }
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            out.add(sniff.choice());
        }
        out.add(FormatSet.builtIn().forcing(FormatSet.builtIn().named("operation-log").orElseThrow()).initial());
        return out;
    }

    @Provide
    Arbitrary<byte[]> lines() {
        List<byte[]> fixtures = new ArrayList<>();
        try (var files = Files.list(Path.of("contract/formats/fixtures"))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.readAllLines(p).forEach(l -> fixtures.add(l.getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return Arbitraries.oneOf(JsonTexts.of(EntryArbitraries.entries()), JsonTexts.of(JsonArbitraries.values(2)), JsonTextArbitraries.lines(),
                Arbitraries.of(fixtures));
    }

    @Provide
    Arbitrary<Integer> choices() {
        return Arbitraries.integers().between(0, CHOICES.size() - 1);
    }

    @Property(tries = 4000)
    void theFastPathsGiveWhatTheFormatsGive(@ForAll("lines") byte[] line, @ForAll("choices") int which, @ForAll boolean eventsAhead) {
        Choice choice = CHOICES.get(which);
        LineDecoder fast = new LineDecoder(eventsAhead, () -> new FastLineFormat()::format);
        LineDecoder.Result r = fast.decode(1, 0, line, 0, line.length, false, choice);
        if (r.entry() == null) {
            return;
        }
        TailEntry e = r.entry();
        Statistics.collect(e.rendered() != null ? "rendered" : e.keepsText() ? "event from bytes" : "exact");
        List<Mapped> mapped = choice.read(e.json());
        List<LogEvent> expected = new ArrayList<>();
        if (mapped == null) {
            expected.add(LogEventDecoder.unrecognised(e.json()));
        } else {
            mapped.forEach(m -> expected.add(m.event()));
        }
        assertThat(e.events()).as(new String(line, StandardCharsets.UTF_8)).isEqualTo(expected);
        if (e.rendered() != null) {
            assertThat(new String(e.rendered(), StandardCharsets.UTF_8)).isEqualTo(LineFormat.format(e.json()));
        }
    }
}
