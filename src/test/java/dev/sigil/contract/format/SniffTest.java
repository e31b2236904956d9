package dev.sigil.contract.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import tools.jackson.databind.JsonNode;

/**
 * The sniff that reads only the definitions a file's lines may be of (ADR 0235) against the one that asks every
 * format about every line (`sigil formats --detect`'s): the same format chosen after each line, the same tallies.
 */
class SniffTest {

    @Test
    void readingDefinitionsOneByOneChoosesAsAskingEveryFormat() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(Path.of("contract/formats/fixtures"))) {
            all.filter(p -> p.toString().endsWith(".jsonl") || p.toString().endsWith(".log")).sorted().forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThan(10);
        PythonJsonReader reader = new PythonJsonReader();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.equals("sigil.jsonl") || name.equals("operation-log.jsonl")) {
                continue; // sigil's own two dialects are counted apart, without asking any definition (Sniff.natives)
            }
            Sniff oneByOne = FormatSet.builtIn().sniff();
            Sniff everyFormat = new Sniff(FormatSet.builtIn(), true);
            for (String line : Files.readAllLines(file)) {
                JsonNode json;
                try {
                    json = reader.read(line);
                } catch (JsonSyntaxException notJson) {
                    continue;
                }
                int length = line.length();
                oneByOne.offer(json, length);
                everyFormat.offer(json, length);
                assertThat(name(oneByOne.choice().first())).as(file + ": " + line).isEqualTo(name(everyFormat.choice().first()));
            }
            assertThat(tallies(oneByOne)).as(file.toString()).isEqualTo(tallies(everyFormat));
        }
    }

    private static String name(FormatDefinition d) {
        return d == null ? "none" : d.name();
    }

    private static List<String> tallies(Sniff s) {
        return s.tallies().stream().map(t -> t.format().name() + "=" + t.recognised() + "/" + t.lineMask()).toList();
    }
}
