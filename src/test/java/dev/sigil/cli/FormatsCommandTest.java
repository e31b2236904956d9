package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sigil formats} (the list, {@code --detect}, {@code --show}), user definitions in {@code ~/.sigil/formats/}
 * with their errors by file, line and key, and {@code tail} and {@code validate} reading other producers' files
 * through the formats (docs/formats.md). Expected lines are derived here from the producers' documented meaning
 * of their keys, not from sigil's definitions.
 */
class FormatsCommandTest {

    private static final Path FIXTURES = Path.of("contract/formats/fixtures");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    @TempDir
    Path home;

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter text = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(Map.of("HOME", home.toString()), new ByteArrayInputStream(new byte[0]), bytes, false, false);
        int code = SigilCommand.commandLine(env, new PrintWriter(text, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, text + bytes.toString(StandardCharsets.UTF_8), err.toString());
    }

    private Path userFormat(String file, String text) throws IOException {
        Path dir = Files.createDirectories(home.resolve(".sigil/formats"));
        return Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    }

    /** The yaml block of docs/formats.md §2, the documented complete example, and the JSON line shown above it. */
    private static String[] documentedExample() throws IOException {
        String doc = Files.readString(Path.of("docs/formats.md"));
        Matcher yaml = Pattern.compile("`~/.sigil/formats/search-service.yaml`:\n\n```yaml\n(.*?)```", Pattern.DOTALL).matcher(doc);
        Matcher json = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(yaml.find()).as("the example definition in docs/formats.md").isTrue();
        assertThat(json.find()).as("the example line in docs/formats.md").isTrue();
        return new String[] {yaml.group(1), json.group(1).replace("\n", "")};
    }

    @Test
    void theListHasTheUsersFormatsFirstThenEveryBuiltInOne() throws IOException {
        userFormat("search-service.yaml", documentedExample()[0]);
        Run r = run("formats");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        List<String> names = r.out().lines().map(l -> l.split(" +")[0]).toList();
        List<String> builtIn;
        try (Stream<Path> files = Files.list(Path.of("contract/formats"))) {
            builtIn = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).map(n -> n.substring(0, n.length() - 5)).toList();
        }
        assertThat(names.get(0)).isEqualTo("search-service");
        assertThat(names.subList(1, names.size())).containsExactlyInAnyOrderElementsOf(builtIn);
        assertThat(r.out().lines().findFirst().orElseThrow()).contains(home.resolve(".sigil/formats/search-service.yaml").toString());
    }

    @Test
    void theDocumentedExampleReadsAsTheDocumentSays() throws IOException {
        String[] example = documentedExample();
        userFormat("search-service.yaml", example[0]);
        JsonNode line = JSON.readTree(example[1]);
        Path log = Files.writeString(home.resolve("search.log"), example[1] + "\n");
        Run r = run("tail", log.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        String clock = CLOCK.format(Instant.ofEpochMilli((long) (line.get("ts").doubleValue() * 1000)));
        String expected = clock + " [WARNING] " + line.get("svc").stringValue() + "/" + line.get("step").stringValue() + ": "
                + line.get("text").stringValue();
        assertThat(r.out()).isEqualTo(expected + "\n");
        String doc = Files.readString(Path.of("docs/formats.md"));
        assertThat(doc).as("docs/formats.md shows the line tail prints").contains("`" + expected + "`");
    }

    @Test
    void detectSaysWhichFormatAndListsEveryLineItDoesNotRead() throws IOException {
        Path mixed = FIXTURES.resolve("mixed.log");
        Run r = run("formats", "--detect", mixed.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith(mixed + ": read as pino");
        // pino's own lines: an object with a numeric level and a time (pino's documentation); every other line is listed.
        List<Integer> notPino = new ArrayList<>();
        List<String> lines = Files.readAllLines(mixed);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue; // blank lines are no lines (docs/contract.md)
            }
            JsonNode j;
            try {
                j = JSON.readTree(lines.get(i));
            } catch (RuntimeException notJson) {
                j = null;
            }
            if (j == null || !j.isObject() || !j.path("level").isInt() || !j.has("time")) {
                notPino.add(i + 1);
            }
        }
        List<Integer> listed = r.out().lines().map(l -> Pattern.compile("^  line (\\d+): ").matcher(l))
                .filter(Matcher::find).map(m -> Integer.parseInt(m.group(1))).toList();
        assertThat(listed).isEqualTo(notPino);
    }

    @Test
    void withoutAConfigurationFileTailReadsTheDefaultsAndWithOneItsFormatsSection() throws IOException {
        assertThat(FormatOptions.NO_CONFIGURATION).isEqualTo(dev.sigil.config.ConfigLoader.defaults(home).formats());
        Path dir = Files.createDirectories(home.resolve("defs"));
        Files.writeString(dir.resolve("search-service.yaml"), documentedExample()[0]);
        Files.createDirectories(home.resolve(".sigil"));
        Files.writeString(home.resolve(".sigil/config.yaml"), "formats:\n  paths: [" + dir + "]\n  default: search-service\n");
        Path log = Files.writeString(home.resolve("search.log"), documentedExample()[1] + "\n" + "{\"level\":30,\"time\":1,\"msg\":\"x\",\"pid\":1}\n");
        Run r = run("tail", "-v", log.toString());
        assertThat(r.out().lines().toList()).hasSize(2);
        assertThat(r.out().lines().findFirst().orElseThrow()).contains("search/rerank: slow rerank");
        assertThat(r.err()).as("formats.default forces the format: the pino line is not one of it").contains("no format");
    }

    @Test
    void detectWithNothingRecognisedSaysSoAndExitsOne() throws IOException {
        Path other = Files.writeString(home.resolve("other.jsonl"), "{\"some\":\"other\"}\n{\"json\":true}\n");
        Run r = run("formats", "--detect", other.toString());
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out() + r.err()).contains("no format");
    }

    @Test
    void aShownDefinitionRenamedIsAUserFormatTriedFirst() throws IOException {
        Run shown = run("formats", "--show", "pino");
        assertThat(shown.code()).as(shown.err()).isEqualTo(ExitCode.OK);
        assertThat(shown.out()).contains("name: pino");
        userFormat("my-pino.yaml", shown.out().replaceFirst("(?m)^name: pino$", "name: my-pino"));
        Run r = run("formats", "--detect", FIXTURES.resolve("pino.jsonl").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out().lines().findFirst().orElseThrow()).contains("read as my-pino");
    }

    @Test
    void aBadDefinitionStopsEveryReaderWithItsFileLineAndKey() throws IOException {
        Path bad = userFormat("bad.yaml", String.join("\n",
                "name: bad",
                "match:",
                "  present: [svc]",
                "fields:",
                "  level: severity",
                "  colour: red",
                "examples:",
                "  - '{\"svc\": 1}'", ""));
        for (String command : List.of("formats", "tail", "validate", "monitor")) {
            String pino = FIXTURES.resolve("pino.jsonl").toString();
            Run r = switch (command) {
                case "formats" -> run(command);
                case "monitor" -> run(command, "--mode", "stream", "--no-follow", pino);
                case "validate" -> run(command, "--input-format", "pino", pino);
                default -> run(command, pino);
            };
            assertThat(r.code()).as(command).isEqualTo(ExitCode.USAGE);
            assertThat(r.err().lines().toList()).as(command).containsExactly(
                    "sigil " + command + ": error: " + bad + ":6: fields.colour: unknown key (docs/formats.md lists the keys)",
                    "sigil " + command + ": invalid format definitions (1 error above)");
        }
        Files.writeString(bad, String.join("\n",
                "name: bad",
                "match:",
                "  present: [svc]",
                "fields:",
                "  level:",
                "    path: severity",
                "    scale: roman",
                ""));
        Run r = run("formats");
        assertThat(r.err().lines().findFirst().orElseThrow()).startsWith("sigil formats: error: " + bad + ":7: fields.level.scale: 'roman' is not a scale");
    }

    @Test
    void anExampleTheDefinitionDoesNotRecogniseIsAnError() throws IOException {
        Path bad = userFormat("svc.yaml", String.join("\n",
                "name: svc",
                "match:",
                "  present: [svc]",
                "fields:",
                "  message: text",
                "examples:",
                "  - '{\"svc\": \"a\", \"text\": \"ok\"}'",
                "  - '{\"other\": 1}'", ""));
        Run r = run("formats");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err().lines().findFirst().orElseThrow()).startsWith("sigil formats: error: " + bad + ":8: examples.1: ");
    }

    @Test
    void tailPrintsPinoLinesWithPinosLevelsTimesAndMessages() throws IOException {
        Path pino = FIXTURES.resolve("pino.jsonl");
        Run r = run("tail", pino.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        // pino's levels (pino docs, "Logger Instance: level"): 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal.
        Map<String, String> names = Map.of("10", "TRACE", "20", "DEBUG", "30", "INFO", "40", "WARNING", "50", "ERROR", "60", "CRITICAL",
                "warn", "WARNING");
        List<String> expected = new ArrayList<>();
        for (String text : Files.readAllLines(pino)) {
            JsonNode j = JSON.readTree(text);
            String component = j.has("module") ? j.get("module").stringValue() : j.get("name").stringValue();
            String where = j.has("req") ? component + "/" + j.at("/req/method").stringValue() : component;
            String message = j.has("msg") ? j.get("msg").stringValue() : "";
            expected.add(CLOCK.format(Instant.ofEpochMilli(j.get("time").longValue())) + " [" + names.get(j.get("level").asString()) + "] "
                    + where + ": " + message);
        }
        assertThat(r.out().lines().toList()).isEqualTo(expected);
    }

    @Test
    void tailShowsClaudeCodeMessagesAsTextNeverAsTheirContentBlocks() throws IOException {
        Path dir = FIXTURES.resolve("claude-projects/-home-dev-uploader");
        List<String> files;
        try (Stream<Path> all = Files.walk(dir)) {
            files = all.filter(p -> p.toString().endsWith(".jsonl")).map(Path::toString).sorted().toList();
        }
        for (String file : files) {
            Run r = run("tail", file);
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
            assertThat(r.out().lines()).as(file).isNotEmpty().noneMatch(l -> l.contains("[{\""));
        }
    }

    @Test
    void validateWithAFormatChecksEachLineIsOfIt() {
        Run ok = run("validate", "--input-format", "pino", FIXTURES.resolve("pino.jsonl").toString());
        assertThat(ok.code()).as(ok.out() + ok.err()).isEqualTo(ExitCode.OK);
        Path structlog = FIXTURES.resolve("structlog.jsonl");
        Run wrong = run("validate", "--input-format", "pino", structlog.toString());
        assertThat(wrong.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(wrong.out()).contains(structlog + ":1: /: not a line of pino");
        Run contract = run("validate", FIXTURES.resolve("pino.jsonl").toString());
        assertThat(contract.code()).as("without --input-format validate is the contract's validator").isEqualTo(ExitCode.FINDINGS);
    }
}
