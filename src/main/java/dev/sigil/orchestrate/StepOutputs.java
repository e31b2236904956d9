package dev.sigil.orchestrate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.log.SafeFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outputs of a session's completed steps, kept beside the log in {@code sessions/<id>/outputs.jsonl} (one
 * {@code {"step":…,"output":…}} line per step, 0600, secrets redacted like the log's). The log holds what happened;
 * this file holds what the steps produced, so that {@code --resume} can hand them to the steps that depend on them
 * and {@code --output} can report them.
 */
final class StepOutputs {

    static final String FILE = "outputs.jsonl";

    private final Path file;
    private final UnaryOperator<String> redact;
    private final PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);

    StepOutputs(Path sessionDirectory, UnaryOperator<String> redact) {
        this.file = sessionDirectory.resolve(FILE);
        this.redact = redact;
    }

    /** Appends one step's output and forces it to disk before the step counts as done. */
    void append(String stepId, String output) throws IOException {
        SafeFiles.refuseLink(file);
        ObjectNode line = JsonNodeFactory.instance.objectNode().put("step", stepId).put("output", redact.apply(output));
        byte[] bytes = (writer.encodeToString(line) + "\n").getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(bytes);
        }
        SafeFiles.restrict(file, SafeFiles.FILE_MODE);
    }

    /** The outputs written so far, by step, in order; lines that are not whole (a crash mid-write) are ignored. */
    Map<String, String> read() throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return outputs;
        }
        SafeFiles.refuseLink(file);
        PythonJsonReader reader = new PythonJsonReader();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            try {
                JsonNode node = reader.read(line);
                if (node.path("step").isString() && node.path("output").isString()) {
                    outputs.put(node.get("step").stringValue(), node.get("output").stringValue());
                }
            } catch (JsonSyntaxException e) {
                // a torn last line: that step did not finish
            }
        }
        return outputs;
    }
}
