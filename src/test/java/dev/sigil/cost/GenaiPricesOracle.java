package dev.sigil.cost;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.compat.NodeOracle;
import dev.sigil.contract.codec.PythonJsonWriter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reference pricer: {@code @pydantic/genai-prices}' own {@code calcPrice} (pinned in compat-tests/node), in one
 * long-lived node process (compat-tests/node/calc-price.cjs) answering a line per request. Its numbers are read as
 * the decimals JavaScript prints (the shortest that read back to its doubles).
 */
public final class GenaiPricesOracle implements AutoCloseable {

    private static final JsonMapper DECIMALS = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final NodeOracle node;
    private final String version;
    private final PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);

    private GenaiPricesOracle(NodeOracle node) throws IOException {
        this.node = node;
        this.version = DECIMALS.readTree(node.readLine()).get("genai_prices").stringValue();
    }

    public static GenaiPricesOracle start() throws IOException, InterruptedException {
        return new GenaiPricesOracle(NodeOracle.start("calc-price.cjs", "genai-prices"));
    }

    public String version() {
        return version;
    }

    /** The answers to {@code batch}, in order. */
    public List<JsonNode> calc(List<ObjectNode> batch) throws IOException {
        List<byte[]> lines = new ArrayList<>(batch.size());
        batch.forEach(r -> lines.add(writer.encode(r)));
        List<JsonNode> out = new ArrayList<>(batch.size());
        for (String answer : node.askAll(lines)) {
            out.add(DECIMALS.readTree(answer));
        }
        return out;
    }

    @Override
    public void close() {
        node.close();
    }
}
