package dev.sigil.orchestrate;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.layout.LogLayout;
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


    private final Path file;
    private final UnaryOperator<String> redact;
    private final PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);

    StepOutputs(Path sessionDirectory, UnaryOperator<String> redact) {
        this.file = sessionDirectory.resolve(LogLayout.OUTPUTS);
        this.redact = redact;
    }

    /**
     * Appends one step's output as one whole line and forces it to disk before the step counts as done. A write the
     * disk refuses part way (full, over a file size limit) is cut back, so the file never holds part of a line that
     * a later line would be glued to; a torn last line left by a crash is cut before appending, for the same reason.
     * Plain file I/O, not a channel: an interrupted run (Ctrl-C) still keeps the output of the step that finished.
     */
    void append(String stepId, String output) throws IOException {
        SafeFiles.refuseLink(file);
        ObjectNode line = JsonNodeFactory.instance.objectNode().put("step", stepId).put("output", redact.apply(output));
        byte[] bytes = (writer.encodeToString(line) + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            Files.createFile(file, SafeFiles.fileAttributes()); // 0600 from the start, never the umask's mode
        } catch (FileAlreadyExistsException e) {
            SafeFiles.refuseLink(file);
        }
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            long start = wholeLinesEnd(out);
            try {
                out.seek(start);
                out.write(bytes);
                out.getFD().sync();
            } catch (IOException e) {
                out.setLength(start);
                throw e;
            }
        }
        SafeFiles.restrict(file, SafeFiles.FILE_MODE);
    }

    /** The end of the last whole line; anything after it (a torn line) is cut. */
    private static long wholeLinesEnd(RandomAccessFile file) throws IOException {
        long size = file.length();
        long end = size;
        byte[] block = new byte[8192];
        scan:
        while (end > 0) {
            int n = (int) Math.min(block.length, end);
            file.seek(end - n);
            file.readFully(block, 0, n);
            for (int i = n - 1; i >= 0; i--) {
                if (block[i] == '\n') {
                    end = end - n + i + 1;
                    break scan;
                }
            }
            end -= n;
        }
        if (end < size) {
            file.setLength(end);
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
