package dev.sigil.tokens;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;


import dev.sigil.compat.NodeProject;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reference tokenizer: tiktoken's Rust core compiled to WebAssembly (npm {@code @dqbd/tiktoken}, pinned in
 * compat-tests/node/package-lock.json), running in one long-lived node process that answers a line per request.
 * {@link NodeProject} installs the package the first time (then it works offline) and fails, saying what to
 * install, when node or npm is missing.
 */
final class TiktokenOracle implements AutoCloseable {


    private final Process process;
    private final OutputStream requests;
    private final BufferedReader answers;
    private final String version;
    private final PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);
    private final PythonJsonReader reader = new PythonJsonReader();

    private TiktokenOracle(Process process) throws IOException {
        this.process = process;
        this.requests = process.getOutputStream();
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        JsonNode ready = reader.read(readLine());
        this.version = ready.get("tiktoken").stringValue();
    }

    /** Starts the oracle, installing its package first if needed. */
    static TiktokenOracle start() throws IOException, InterruptedException {
        return new TiktokenOracle(NodeProject.start("count-tokens.cjs"));
    }

    /** The version of {@code @dqbd/tiktoken} that answers. */
    String version() {
        return version;
    }

    /** tiktoken's {@code encode_ordinary(text)} in {@code encoding}. */
    synchronized List<Integer> encode(TokenEncoding encoding, String text) throws IOException {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("encoding", encoding.tiktokenName());
        request.put("text", text);
        requests.write(writer.encode(request));
        requests.write('\n');
        requests.flush();
        JsonNode answer = reader.read(readLine());
        if (answer.has("error")) {
            throw new IllegalStateException("tiktoken refused " + encoding.tiktokenName() + ": " + answer.get("error").stringValue());
        }
        List<Integer> ids = new ArrayList<>();
        answer.get("tokens").forEach(id -> ids.add(id.intValue()));
        return ids;
    }

    private String readLine() throws IOException {
        String line = answers.readLine();
        if (line == null) {
            throw new IllegalStateException("the node tiktoken process ended unexpectedly (see its stderr above)");
        }
        return line;
    }

    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException e) {
            // the process is gone already
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
