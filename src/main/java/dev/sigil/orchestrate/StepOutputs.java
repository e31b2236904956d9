package dev.sigil.orchestrate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.layout.LogLayout;
import dev.sigil.log.SafeDirectory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outputs of a session's completed steps, kept beside the log in {@code sessions/<id>/outputs.jsonl} (one
 * {@code {"step":…,"output":…}} line per step, 0600, secrets redacted like the log's). The log holds what happened;
 * this file holds what the steps produced, so that {@code --resume} can hand them to the steps that depend on them
 * and {@code --output} can report them. Opened through the session directory the logger checked
 * ({@link SafeDirectory}): never another user's file, a link or a file with a second name.
 */
final class StepOutputs {

    private final SafeDirectory dir;
    private final UnaryOperator<String> redact;
    private final PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);

    StepOutputs(SafeDirectory sessionDirectory, UnaryOperator<String> redact) {
        this.dir = sessionDirectory;
        this.redact = redact;
    }

    /**
     * Appends one step's output as one whole line and forces it to disk before the step counts as done. A write the
     * disk refuses part way (full, over a file size limit) is cut back, so the file never holds part of a line that
     * a later line would be glued to; a torn last line left by a crash is cut before appending, for the same reason.
     * The write runs on a thread of its own that nobody interrupts (a file channel closes when its thread is
     * interrupted): an interrupted run (Ctrl-C) still keeps the output of the step that finished.
     */
    void append(String stepId, String output) throws IOException {
        ObjectNode line = JsonNodeFactory.instance.objectNode().put("step", stepId).put("output", redact.apply(output));
        byte[] bytes = (writer.encodeToString(line) + "\n").getBytes(StandardCharsets.US_ASCII);
        AtomicReference<IOException> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                write(bytes);
            } catch (IOException e) {
                failure.set(e);
            } catch (RuntimeException e) {
                failure.set(new IOException(e.getMessage(), e));
            }
        }, "sigil-outputs");
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private void write(byte[] bytes) throws IOException {
        try (FileChannel out = dir.update(LogLayout.OUTPUTS)) {
            long start = wholeLinesEnd(out);
            try {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                long at = start;
                while (buf.hasRemaining()) {
                    at += out.write(buf, at);
                }
                out.force(false);
            } catch (IOException e) {
                out.truncate(start);
                throw e;
            }
        }
    }

    /** The end of the last whole line; anything after it (a torn line) is cut. */
    private static long wholeLinesEnd(FileChannel file) throws IOException {
        long size = file.size();
        long end = size;
        ByteBuffer block = ByteBuffer.allocate(8192);
        scan:
        while (end > 0) {
            int n = (int) Math.min(block.capacity(), end);
            block.clear().limit(n);
            while (block.hasRemaining() && file.read(block, end - n + block.position()) > 0) {
                // fill
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
            file.truncate(end);
        }
        return end;
    }

    /** The outputs written so far, by step, in order; lines that are not whole (a crash mid-write) are ignored. */
    Map<String, String> read() throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>();
        if (!dir.exists(LogLayout.OUTPUTS)) {
            return outputs;
        }
        PythonJsonReader reader = new PythonJsonReader();
        String text;
        try (FileChannel ch = dir.read(LogLayout.OUTPUTS); InputStream in = Channels.newInputStream(ch)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
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
