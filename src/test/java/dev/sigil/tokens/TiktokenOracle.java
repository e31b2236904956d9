package dev.sigil.tokens;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reference tokenizer: tiktoken's Rust core compiled to WebAssembly (npm {@code @dqbd/tiktoken}, pinned in
 * compat-tests/node/package-lock.json), running in one long-lived node process that answers a line per request.
 * Installs the package with {@code npm ci} the first time (then it works offline); fails, saying what to install,
 * when node or npm is missing.
 */
final class TiktokenOracle implements AutoCloseable {

    static final Path DIR = Path.of("compat-tests", "node").toAbsolutePath();
    private static final Path INSTALLED = DIR.resolve("node_modules/@dqbd/tiktoken/package.json");

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
        String node = require("node", "Node.js 18 or newer (e.g. apt-get install nodejs npm)");
        installOnce();
        Process p = new ProcessBuilder(node, DIR.resolve("count-tokens.cjs").toString())
                .directory(DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        return new TiktokenOracle(p);
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

    private static synchronized void installOnce() throws IOException, InterruptedException {
        if (Files.exists(INSTALLED)) {
            return;
        }
        String npm = require("npm", "npm (e.g. apt-get install npm), to install @dqbd/tiktoken from compat-tests/node/package-lock.json");
        ProcessResult r;
        try {
            r = new ProcessExecutor().command(npm, "ci", "--no-audit", "--no-fund", "--prefer-offline")
                    .directory(DIR.toFile()).redirectErrorStream(true).readOutput(true)
                    .timeout(5, TimeUnit.MINUTES).execute();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("npm ci in " + DIR + " took more than 5 minutes", e);
        }
        if (r.getExitValue() != 0 || !Files.exists(INSTALLED)) {
            throw new AssertionError("npm ci in " + DIR + " failed (exit " + r.getExitValue() + "); it needs the npm"
                    + " registry once:\n" + r.outputUTF8());
        }
    }

    private static String require(String tool, String install) throws IOException, InterruptedException {
        try {
            ProcessResult r = new ProcessExecutor().command(tool, "--version").readOutput(true)
                    .timeout(1, TimeUnit.MINUTES).execute();
            if (r.getExitValue() == 0) {
                return tool;
            }
        } catch (IOException | java.util.concurrent.TimeoutException e) {
            // reported below
        }
        throw new AssertionError(tool + " is needed by the token compat tests and was not found on PATH: install " + install);
    }
}
