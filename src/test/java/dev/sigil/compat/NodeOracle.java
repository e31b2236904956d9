package dev.sigil.compat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A long-lived node process of compat-tests/node that answers one line per request line: the transport the node
 * oracles (tiktoken, genai-prices) share. Requests go in, answers come out, in order.
 */
public final class NodeOracle implements AutoCloseable {

    private final String name;
    private final Process process;
    private final OutputStream requests;
    private final BufferedReader answers;

    private NodeOracle(String name, Process process) {
        this.name = name;
        this.process = process;
        this.requests = process.getOutputStream();
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code script} ({@link NodeProject} installs the packages first); {@code name} is used in messages. */
    public static NodeOracle start(String script, String name) throws IOException, InterruptedException {
        return new NodeOracle(name, NodeProject.start(script));
    }

    /** Sends one request line and reads its answer. */
    public synchronized String ask(byte[] request) throws IOException {
        requests.write(request);
        requests.write('\n');
        requests.flush();
        return readLine();
    }

    /** Sends every request (from another thread, so that neither side's pipe fills) and reads their answers, in order. */
    public synchronized List<String> askAll(List<byte[]> batch) throws IOException {
        Thread feeder = new Thread(() -> {
            try {
                for (byte[] request : batch) {
                    requests.write(request);
                    requests.write('\n');
                }
                requests.flush();
            } catch (IOException e) {
                // the reader below reports the process's end
            }
        }, name + "-requests");
        feeder.start();
        List<String> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            out.add(readLine());
        }
        try {
            feeder.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    /** The next line the process writes (its first one says it is ready). */
    public String readLine() throws IOException {
        String line = answers.readLine();
        if (line == null) {
            throw new IllegalStateException("the node " + name + " process ended unexpectedly (see its stderr above)");
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
