package dev.sigil.orchestrate.execute;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;

import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;
import org.zeroturnaround.exec.StartedProcess;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.orchestrate.pipeline.StepDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a step as an external command (zt-exec): the step's request goes to the command's stdin as one JSON object,
 * its stdout is the output. If stdout is a JSON object with an {@code output} string, that is the output, and a
 * {@code usage} object in it ({@code input_tokens}/{@code output_tokens}, or OpenAI's
 * {@code prompt_tokens}/{@code completion_tokens}) gives the tokens; otherwise tokens are counted from the request
 * and the output text. Exit statuses and timeouts become error categories through {@link FailureClassifier}.
 */
public final class CommandExecutor implements StepExecutor {

    /** Most bytes kept from a command's stdout or stderr. */
    static final int MAX_CAPTURE = 16 * 1024 * 1024;

    /** How long an abandoned command has to end after SIGTERM before it is killed. */
    static final long KILL_GRACE_MILLIS = 1000;

    private final Path baseDirectory;
    private final ToLongFunction<String> tokenCounter;
    private final PythonJsonWriter json = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);
    private final PythonJsonReader reader = new PythonJsonReader();

    public CommandExecutor(Path baseDirectory, ToLongFunction<String> tokenCounter) {
        this.baseDirectory = baseDirectory;
        this.tokenCounter = tokenCounter;
    }

    @Override
    public StepResult execute(StepRequest request, StepProgress progress) throws StepFailure, InterruptedException {
        StepDefinition step = request.step();
        List<String> command = resolve(step.command());
        String shown = String.join(" ", step.command());
        String prompt = json.encodeToString(requestJson(request));
        BoundedBuffer out = new BoundedBuffer();
        BoundedBuffer err = new BoundedBuffer();
        StartedProcess started;
        try {
            started = new ProcessExecutor()
                    .command(command)
                    .directory(baseDirectory.toFile())
                    .environment(step.environment())
                    .environment("SIGIL_SESSION_ID", request.sessionId())
                    .environment("SIGIL_STEP_ID", step.id())
                    .environment("SIGIL_ATTEMPT", Integer.toString(request.attempt()))
                    .redirectInput(new ByteArrayInputStream(prompt.getBytes(StandardCharsets.UTF_8)))
                    .redirectOutput(out)
                    .redirectError(err)
                    .destroyOnExit()
                    .exitValueAny()
                    .start();
        } catch (IOException e) {
            throw FailureClassifier.notStarted(shown, e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        }
        ProcessResult result;
        try {
            result = started.getFuture().get(step.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            killTree(started);
            throw FailureClassifier.timeout(shown, step.timeout().toMillis());
        } catch (InterruptedException e) {
            killTree(started);
            throw e;
        } catch (ExecutionException e) {
            killTree(started);
            throw FailureClassifier.notStarted(shown, e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        }
        if (out.truncated) {
            throw FailureClassifier.tooLarge(shown, MAX_CAPTURE);
        }
        JsonNode answer = answer(out.text());
        Optional<StepFailure> reported = ProviderError.of(shown, answer);
        if (reported.isPresent() && (result.getExitValue() != 0 || !answer.path("output").isString())) {
            throw reported.get();
        }
        if (result.getExitValue() != 0) {
            throw FailureClassifier.exited(shown, result.getExitValue(), lastLine(err));
        }
        return result(prompt, out.text(), answer);
    }

    /**
     * Ends an abandoned command (timed out, or Ctrl-C) with everything it started: a shell step's children would
     * otherwise run on, unseen, holding its output pipe. SIGTERM to all; once the command itself has ended (or after a
     * grace period) SIGKILL to whatever is left. Only the command is waited for: its descendants are not this JVM's
     * children, and one that became a zombie would look alive until some other process reaped it.
     */
    private static void killTree(StartedProcess started) {
        Process process = started.getProcess();
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        boolean interrupted = false;
        try {
            process.waitFor(KILL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        started.getFuture().cancel(true);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> resolve(List<String> command) {
        List<String> resolved = new ArrayList<>(command);
        String program = command.get(0);
        if (program.contains("/") && !Path.of(program).isAbsolute()) {
            Path candidate = baseDirectory.resolve(program);
            if (Files.exists(candidate)) {
                resolved.set(0, candidate.toString());
            }
        }
        return resolved;
    }

    private ObjectNode requestJson(StepRequest request) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("session_id", request.sessionId());
        o.put("task", request.task());
        ObjectNode step = o.putObject("step");
        step.put("id", request.step().id());
        step.put("component", request.step().component().wireName());
        step.put("operation", request.step().operation());
        step.put("description", request.step().description());
        o.put("attempt", request.attempt());
        ObjectNode inputs = o.putObject("inputs");
        request.inputs().forEach(inputs::put);
        o.put("feedback", request.feedback());
        return o;
    }

    /** stdout as a JSON object if it is one (a structured answer, or a reported error), else a missing node. */
    private JsonNode answer(String stdout) {
        String trimmed = stdout.strip();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode node = reader.read(trimmed);
                if (node.isObject()) {
                    return node;
                }
            } catch (JsonSyntaxException e) {
                // not a structured answer: the whole stdout is the output
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    private StepResult result(String prompt, String stdout, JsonNode answer) {
        JsonNode output = answer.get("output");
        if (output != null && output.isString()) {
            return structured(prompt, answer, output.stringValue());
        }
        return new StepResult(stdout, tokenCounter.applyAsLong(prompt), tokenCounter.applyAsLong(stdout), Map.of());
    }

    private StepResult structured(String prompt, JsonNode node, String output) {
        JsonNode usage = node.path("usage");
        long in = count(usage, "input_tokens", "prompt_tokens");
        long out = count(usage, "output_tokens", "completion_tokens");
        long total = count(usage, "total_tokens", "total_tokens");
        if (in < 0 && out < 0 && total >= 0) {
            in = 0;
            out = total;
        }
        if (in < 0) {
            in = tokenCounter.applyAsLong(prompt);
        }
        if (out < 0) {
            out = tokenCounter.applyAsLong(output);
        }
        Map<String, JsonNode> metadata = new LinkedHashMap<>();
        if (node.path("metadata").isObject()) {
            node.get("metadata").properties().forEach(e -> metadata.put(e.getKey(), e.getValue()));
        }
        metadata.put("usage_reported", JsonNodeFactory.instance.booleanNode(usage.isObject()));
        return new StepResult(output, in, out, metadata);
    }

    private static long count(JsonNode usage, String name, String alias) {
        JsonNode v = usage.has(name) ? usage.get(name) : usage.get(alias);
        return v != null && v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0 ? v.longValue() : -1;
    }

    private static String lastLine(BoundedBuffer err) {
        String text = err.text().strip();
        int nl = text.lastIndexOf('\n');
        String last = nl < 0 ? text : text.substring(nl + 1);
        return last.length() > 300 ? last.substring(0, 300) + "..." : last;
    }

    /** Keeps at most {@link #MAX_CAPTURE} bytes and notes whether more came. */
    private static final class BoundedBuffer extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean truncated;

        @Override
        public void write(int b) {
            if (bytes.size() < MAX_CAPTURE) {
                bytes.write(b);
            } else {
                truncated = true;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int room = MAX_CAPTURE - bytes.size();
            if (len > room) {
                truncated = true;
            }
            bytes.write(b, off, Math.min(len, Math.max(0, room)));
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
