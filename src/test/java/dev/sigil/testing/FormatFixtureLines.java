package dev.sigil.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON object lines of the built-in formats' fixtures ({@code contract/formats/fixtures}), and changes of them. */
public final class FormatFixtureLines {

    private FormatFixtureLines() {
    }

    /** Every fixture line that is a JSON object, as CPython reads it; text lines are left out. */
    public static List<JsonNode> objects() {
        PythonJsonReader reader = new PythonJsonReader();
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("contract/formats/fixtures"))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                for (String line : Files.readAllLines(p)) {
                    try {
                        JsonNode j = reader.read(line);
                        if (j.isObject()) {
                            out.add(j);
                        }
                    } catch (JsonSyntaxException notJson) {
                        // a text line
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    /**
     * {@code line} with one of its values (at any depth, picked by {@code seed}) replaced by {@code v}, or, for one
     * seed in seven or an empty object, {@code v} added under a new key.
     */
    public static JsonNode changeOne(JsonNode line, JsonNode v, int seed) {
        JsonNode copy = line.deepCopy();
        List<ObjectNode> objects = new ArrayList<>();
        collect(copy, objects);
        ObjectNode o = objects.get(seed % objects.size());
        List<String> names = new ArrayList<>(o.propertyNames());
        if (names.isEmpty() || seed % 7 == 0) {
            o.set("k" + seed, v);
        } else {
            o.set(names.get(seed % names.size()), v);
        }
        return copy;
    }

    private static void collect(JsonNode n, List<ObjectNode> into) {
        if (n instanceof ObjectNode o) {
            into.add(o);
        }
        if (n.isContainer()) {
            n.values().forEach(c -> collect(c, into));
        }
    }
}
