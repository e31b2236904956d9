package dev.sigil.contract.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.codec.PythonJsonReader;
import tools.jackson.databind.JsonNode;

/** The definitions that ship with sigil: valid against the schema, and each the format of its own examples. */
class BuiltinFormatsTest {

    private static final Path DIR = Path.of("contract/formats");

    @Test
    void everyBuiltInDefinitionKeepsTheSchemaAndItsExamples() throws IOException {
        for (String name : BuiltinFormats.NAMES) {
            Path file = DIR.resolve(name + ".yaml");
            DefinitionReader.Result r = DefinitionReader.read(file.toString(), Files.readAllBytes(file));
            assertThat(r.errors()).as(name).isEmpty();
            assertThat(r.definition().name()).isEqualTo(name);
            assertThat(r.definition().examples()).as(name + " has examples").isNotEmpty();
        }
    }

    @Test
    void theMembersEachFormatNeedsAreThoseItsDefinitionNeeds() {
        for (FormatDefinition d : BuiltinFormats.all()) {
            if (d.nativeDecoder()) {
                assertThat(BuiltinFormats.REQUIRED).as(d.name()).doesNotContainKey(d.name());
            } else {
                assertThat(BuiltinFormats.REQUIRED.get(d.name())).as(d.name()).containsExactlyInAnyOrderElementsOf(d.requiredMembers());
            }
        }
    }

    @Test
    void everyMappedFormatIsReadThroughSlots() {
        for (FormatDefinition d : BuiltinFormats.all()) {
            if (!d.nativeDecoder()) {
                // openai-chat's choices.0 and choices.* are one member kept both ways, read by its name (ADR 0175);
                // OTLP's records, each a frame of slots, their attributes found by filter steps (ADR 0280)
                assertThat(d.projection().slotCount()).as(d.name() + " through slots (ADR 0114, 0280)").isNotNegative();
            }
        }
    }

    @Test
    void everyLineOfAMappedFormatsFixtureTakesTheFastPath() throws java.io.IOException {
        PythonJsonReader reader = new PythonJsonReader();
        FastProjection scanner = new FastProjection();
        for (FormatDefinition d : BuiltinFormats.all()) {
            java.nio.file.Path fixture = java.nio.file.Path.of("contract/formats/fixtures", d.name() + ".jsonl");
            if (d.nativeDecoder() || !java.nio.file.Files.exists(fixture)) {
                continue;
            }
            int read = 0;
            for (String line : java.nio.file.Files.readAllLines(fixture)) {
                JsonNode json;
                try {
                    json = reader.read(line);
                } catch (dev.sigil.contract.codec.JsonSyntaxException notJson) {
                    continue;
                }
                if (d.read(json) != null) {
                    byte[] b = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    assertThat(d.readFast(b, 0, b.length, scanner)).as(d.name() + ": " + line).isNotNull();
                    read++;
                }
            }
            assertThat(read).as(d.name()).isPositive();
        }
    }

    @Test
    void aLineOnlyAnOperationLogCanBeIsReadByNoOtherFormat() {
        PythonJsonReader reader = new PythonJsonReader();
        List<String> lines = List.of("{\"timestamp\":\"2026-01-11T14:30:00Z\",\"level\":\"info\",\"operation\":\"plan\",\"message\":\"m\"}",
                "{\"level\":30,\"msg\":\"m\",\"pid\":1}", "{\"operation\":\"x\",\"type\":\"user\",\"uuid\":\"u\"}",
                "{\"level\":\"info\",\"event\":\"e\"}", "{\"level\":\"info\",\"object\":\"response\"}");
        for (String text : lines) {
            JsonNode line = reader.read(text);
            boolean others = BuiltinFormats.all().stream().filter(d -> !d.name().equals("operation-log")).anyMatch(d -> d.recognises(line));
            if (BuiltinFormats.onlyOperationLog(line)) {
                assertThat(others).as(text).isFalse();
            }
        }
        assertThat(BuiltinFormats.onlyOperationLog(reader.read(lines.get(0)))).isTrue();
        assertThat(BuiltinFormats.onlyOperationLog(reader.read(lines.get(3)))).isFalse();
    }

    @Test
    void theListNamesEveryFileOfTheDirectory() throws IOException {
        try (var files = Files.list(DIR)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            assertThat(names).containsExactlyInAnyOrderElementsOf(BuiltinFormats.NAMES);
        }
    }

    @Test
    void eachFormatIsTheOneItsExamplesAreReadIn() {
        PythonJsonReader reader = new PythonJsonReader();
        for (FormatDefinition d : BuiltinFormats.all()) {
            for (String example : d.examples()) {
                JsonNode line = reader.read(example);
                List<Mapped> read = FormatSet.builtIn().initial().read(line);
                assertThat(read).as(d.name() + ": " + example).isNotNull();
                assertThat(read.get(0).event().format()).as(example).isEqualTo(d.name());
                Sniff sniff = FormatSet.builtIn().detect();
                sniff.offer(line, example.length());
                assertThat(sniff.choice().first().name()).isEqualTo(d.name());
            }
        }
    }
}
