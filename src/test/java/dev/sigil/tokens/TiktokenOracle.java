package dev.sigil.tokens;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.compat.NodeOracle;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reference tokenizer: tiktoken's Rust core compiled to WebAssembly (npm {@code @dqbd/tiktoken}, pinned in
 * compat-tests/node/package-lock.json), running in one long-lived node process that answers a line per request.
 * {@link dev.sigil.compat.NodeProject} installs the package the first time (then it works offline) and fails,
 * saying what to install, when node or npm is missing.
 */
final class TiktokenOracle implements AutoCloseable {

    private final NodeOracle node;
    private final String version;
    private final PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);
    private final PythonJsonReader reader = new PythonJsonReader();

    private TiktokenOracle(NodeOracle node) throws IOException {
        this.node = node;
        this.version = reader.read(node.readLine()).get("tiktoken").stringValue();
    }

    /** Starts the oracle, installing its package first if needed. */
    static TiktokenOracle start() throws IOException, InterruptedException {
        return new TiktokenOracle(NodeOracle.start("count-tokens.cjs", "tiktoken"));
    }

    /** The version of {@code @dqbd/tiktoken} that answers. */
    String version() {
        return version;
    }

    /** tiktoken's {@code encode_ordinary(text)} in {@code encoding}. */
    List<Integer> encode(TokenEncoding encoding, String text) throws IOException {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("encoding", encoding.tiktokenName());
        request.put("text", text);
        JsonNode answer = reader.read(node.ask(writer.encode(request)));
        if (answer.has("error")) {
            throw new IllegalStateException("tiktoken refused " + encoding.tiktokenName() + ": " + answer.get("error").stringValue());
        }
        List<Integer> ids = new ArrayList<>();
        answer.get("tokens").forEach(id -> ids.add(id.intValue()));
        return ids;
    }

    @Override
    public void close() {
        node.close();
    }
}
