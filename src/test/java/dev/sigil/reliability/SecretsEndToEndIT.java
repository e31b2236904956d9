package dev.sigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secrets on the end-to-end path, through a real {@code sigil orchestrate} process: a pipeline step (a real program)
 * prints the sanitizer corpus (src/test/resources/dev/sigil/log/sanitize/corpus.json: real-looking keys, tokens,
 * passwords, card numbers, e-mail addresses, and look-alikes that are not secrets) as its output and in nested
 * metadata, and the task itself carries secrets. No secret reaches any file of the log directory; each secret text
 * arrives redacted exactly as the corpus says; every look-alike arrives untouched.
 */
class SecretsEndToEndIT {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @TempDir
    Path dir;

    @Test
    void noSecretFromAStepOrTheTaskReachesTheLogAndLookAlikesStay() throws Exception {
        JsonNode corpus = corpus();
        List<String> texts = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        corpus.get("secrets").forEach(c -> {
            texts.add(c.get("text").stringValue());
            expected.add(c.get("expected").stringValue());
            secrets.add(c.get("secret").stringValue());
        });
        List<String> lookalikes = new ArrayList<>();
        corpus.get("lookalikes").forEach(l -> lookalikes.add(l.stringValue()));
        writePipeline(corpus, texts, lookalikes);

        Path logs = dir.resolve("logs");
        String task = "Qualify this lead. " + texts.get(0) + "; " + texts.get(3);
        Process p = new ProcessBuilder(JavaChild.sigil("256m", "orchestrate", "--pipeline", dir.resolve("leaky.yaml").toString(),
                "--session", "leaky", "--log-path", logs.toString(), "--speed", "0", task))
                .redirectOutput(dir.resolve("console.out").toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("console.out"))).isZero();

        List<String> strings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                collectStrings(f, strings);
            }
        }
        for (String s : strings) {
            String withoutLookAlikes = s;
            for (String l : lookalikes) {
                withoutLookAlikes = withoutLookAlikes.replace(l, "");
            }
            for (String secret : secrets) {
                assertThat(withoutLookAlikes).as("a string in the log").doesNotContain(secret);
            }
        }
        JsonNode leak = stepComplete(logs.resolve("sessions/leaky/execution.jsonl"), "leak");
        assertThat(strings(leak.at("/metadata/notes"))).containsExactlyElementsOf(expected);
        assertThat(strings(leak.at("/metadata/deep/deeper/list"))).containsExactlyElementsOf(expected);
        assertThat(strings(leak.at("/metadata/lookalikes"))).containsExactlyElementsOf(lookalikes);
        PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);
        for (int i = 0; i < corpus.get("metadata").size(); i++) {
            assertThat(writer.encodeToString(leak.at("/metadata/case_" + i)))
                    .isEqualTo(writer.encodeToString(corpus.get("metadata").get(i).get("out")));
        }
        System.out.println("SecretsEndToEndIT: " + secrets.size() + " secrets, " + lookalikes.size() + " look-alikes, "
                + corpus.get("metadata").size() + " metadata objects, " + strings.size() + " strings in the log checked");
    }

    private void writePipeline(JsonNode corpus, List<String> texts, List<String> lookalikes) throws IOException {
        ObjectNode out = JSON.objectNode();
        List<String> all = new ArrayList<>(texts);
        all.addAll(lookalikes);
        out.put("output", String.join("\n", all));
        ObjectNode meta = out.putObject("metadata");
        meta.set("notes", array(texts));
        meta.putObject("deep").putObject("deeper").set("list", array(texts));
        for (int i = 0; i < corpus.get("metadata").size(); i++) {
            meta.set("case_" + i, corpus.get("metadata").get(i).get("in"));
        }
        meta.set("lookalikes", array(lookalikes));
        Files.writeString(dir.resolve("leak.json"), new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT).encodeToString(out));
        Files.writeString(dir.resolve("leaky.yaml"), String.join("\n",
                "name: leaky",
                "steps:",
                "  - id: leak",
                "    component: reasoning",
                "    command: [cat, leak.json]",
                "  - id: after",
                "    component: validation",
                "    builtin: true",
                "    depends_on: [leak]",
                ""));
    }

    private static JsonNode corpus() throws IOException {
        try (InputStream in = SecretsEndToEndIT.class.getResourceAsStream("/dev/sigil/log/sanitize/corpus.json")) {
            return new PythonJsonReader().read(in.readAllBytes());
        }
    }

    /** Every string (keys included) of every JSON document or JSON line in {@code file}. */
    private static void collectStrings(Path file, List<String> into) throws IOException {
        PythonJsonReader reader = new PythonJsonReader();
        String name = file.getFileName().toString();
        if (name.equals(".lock")) {
            into.add(Files.readString(file));
            return;
        }
        List<String> docs = name.endsWith(".jsonl") ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of(Files.readString(file));
        for (String doc : docs) {
            if (!doc.isBlank()) {
                walk(reader.read(doc), into);
            }
        }
    }

    private static void walk(JsonNode node, List<String> into) {
        if (node.isString()) {
            into.add(node.stringValue());
        } else if (node.isObject()) {
            node.properties().forEach(e -> {
                into.add(e.getKey());
                walk(e.getValue(), into);
            });
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, into));
        }
    }

    private static JsonNode stepComplete(Path log, String step) throws IOException {
        PythonJsonReader reader = new PythonJsonReader();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            JsonNode e = reader.read(line);
            if (e.get("event_type").stringValue().equals("step_complete") && step.equals(e.at("/metadata/step").stringValue(""))) {
                return e;
            }
        }
        throw new AssertionError("no step_complete of step " + step + " in " + log);
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode a = JSON.arrayNode();
        values.forEach(a::add);
        return a;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.stringValue()));
        return out;
    }
}
