package dev.sigil.cost;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.sigil.compat.NodeProject;
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
final class GenaiPricesOracle implements AutoCloseable {

    private static final JsonMapper DECIMALS = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final Process process;
    private final OutputStream requests;
    private final BufferedReader answers;
    private final String version;
    private final PythonJsonWriter writer = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);

    private GenaiPricesOracle(Process process) throws IOException {
        this.process = process;
        this.requests = process.getOutputStream();
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.version = DECIMALS.readTree(readLine()).get("genai_prices").stringValue();
    }

    static GenaiPricesOracle start() throws IOException, InterruptedException {
        return new GenaiPricesOracle(NodeProject.start("calc-price.cjs"));
    }

    String version() {
        return version;
    }

    /** The answers to {@code batch}, in order: written all at once, then read (the process answers line by line). */
    List<JsonNode> calc(List<ObjectNode> batch) throws IOException {
        StringBuilder text = new StringBuilder();
        for (ObjectNode request : batch) {
            text.append(writer.encodeToString(request)).append('\n');
        }
        Thread feeder = new Thread(() -> {
            try {
                requests.write(text.toString().getBytes(StandardCharsets.UTF_8));
                requests.flush();
            } catch (IOException e) {
                // the reader below reports the process's end
            }
        }, "genai-prices-requests");
        feeder.start();
        List<JsonNode> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            out.add(DECIMALS.readTree(readLine()));
        }
        try {
            feeder.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    private String readLine() throws IOException {
        String line = answers.readLine();
        if (line == null) {
            throw new IllegalStateException("the node genai-prices process ended unexpectedly (see its stderr above)");
        }
        return line;
    }

    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException e) {
            // gone already
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
