package dev.sigil.orchestrate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * Appends one step's output as one whole line and forces it to disk before the step counts as done. A write the
     * disk refuses part way (full, over a file size limit) is cut back, so the file never holds part of a line that
     * a later line would be glued to; a torn last line left by a crash is cut before appending, for the same reason.
     */
    void append(String stepId, String output) throws IOException {
        SafeFiles.refuseLink(file);
        ObjectNode line = JsonNodeFactory.instance.objectNode().put("step", stepId).put("output", redact.apply(output));
        ByteBuffer bytes = ByteBuffer.wrap((writer.encodeToString(line) + "\n").getBytes(StandardCharsets.US_ASCII));
        try (FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS), SafeFiles.fileAttributes())) {
            long start = wholeLinesEnd(ch);
            try {
                while (bytes.hasRemaining()) {
                    ch.write(bytes, start + bytes.position());
                }
                ch.force(false);
            } catch (IOException e) {
                ch.truncate(start);
                throw e;
            }
        }
        SafeFiles.restrict(file, SafeFiles.FILE_MODE);
    }

    /** The end of the last whole line; anything after it (a torn line) is cut. */
    private static long wholeLinesEnd(FileChannel ch) throws IOException {
        long size = ch.size();
        long end = size;
        ByteBuffer block = ByteBuffer.allocate(8192);
        scan:
        while (end > 0) {
            int n = (int) Math.min(block.capacity(), end);
            block.clear().limit(n);
            while (block.hasRemaining() && ch.read(block, end - n + block.position()) > 0) {
                // fill the block
            }
            for (int i = n - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    end = end - n + i + 1;
                    break scan;
                }
            }
            end -= n;
        }
        if (end < size) {
            ch.truncate(end);
        }
        return end;
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
